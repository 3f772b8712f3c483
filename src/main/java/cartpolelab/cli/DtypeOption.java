package cartpolelab.cli;

import cartpolelab.io.SafeText;
import cartpolelab.io.Safetensors;
import picocli.CommandLine.Option;

/** {@code --dtype float32|float64}: the number type of a {@code --pytorch} file. */
final class DtypeOption {

    @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "float32",
            description = "the --pytorch file's numbers: float32 (PyTorch's default) or "
                    + "float64 (every bit of ours) (default: ${DEFAULT-VALUE})")
    private String dtype;

    /** The type asked for; one line naming the two allowed when it is neither. */
    Safetensors.Dtype type() {
        Safetensors.Dtype type = Safetensors.Dtype.parse(dtype);
        if (type == null) {
            throw new Cli.UserError("--dtype must be float32 or float64, was "
                    + SafeText.value(dtype));
        }
        return type;
    }
}
