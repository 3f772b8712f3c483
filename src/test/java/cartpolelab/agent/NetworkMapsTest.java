package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The maps hold the networks' own outputs at each cell's centre. */
class NetworkMapsTest {

    @Test
    void eachCellIsTheNetworksAnswerAtItsCentre() {
        Agent agent = new Agent(Hyperparameters.DEFAULTS.withHiddenSize(8));
        NetworkMaps m = NetworkMaps.of(agent, 6, 4, 0.2, 2.0, 0.3, -0.1);
        double[] pi = new double[2];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 6; c++) {
                double[] s = {0.3, -0.1, NetworkMaps.theta(c, 6, 0.2),
                    NetworkMaps.thetaDot(r, 4, 2.0)};
                agent.probabilities(s, pi);
                assertEquals(pi[1], m.probRight()[r * 6 + c], 0);
                assertEquals(agent.value(s), m.value()[r * 6 + c], 0);
            }
        }
        // columns run left to right in θ, rows top to bottom in θ̇
        assertEquals(-0.2 + 0.2 / 6, NetworkMaps.theta(0, 6, 0.2), 1e-12);
        assertEquals(2.0 - 0.5, NetworkMaps.thetaDot(0, 4, 2.0), 1e-12);
        double[] range = m.valueRange();
        assertTrue(range[0] <= range[1]);
    }

    @Test
    void withoutACriticThereIsNoValueMap() {
        Agent agent = new Agent(Hyperparameters.DEFAULTS.withHiddenSize(8)
                .withAlgorithm(Algorithm.REINFORCE));
        NetworkMaps m = NetworkMaps.of(agent, 3, 3, 0.2, 2.0, 0, 0);
        assertTrue(Double.isNaN(m.value()[4]));
        assertEquals(0, m.valueRange()[0]);
    }
}
