package cartpolelab.plot;

/** The y range a panel needs: what its lines and bands draw, its thresholds, its minimum. */
final class YRange {

    private YRange() {
    }

    /** {lo, hi}, never empty: [0, 1] with no data, a padded band around a flat line. */
    static double[] of(Panel p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : p.series) {
            if (s.count > 0) {
                lo = Math.min(lo, s.drawnMin());
                hi = Math.max(hi, s.drawnMax());
            }
        }
        for (Band b : p.bands) {
            if (b.lower.count > 0) {
                lo = Math.min(lo, b.lower.drawnMin());
                hi = Math.max(hi, b.upper.drawnMax());
            }
        }
        boolean data = lo <= hi;
        for (Panel.Threshold t : p.thresholds) {
            lo = Math.min(lo, t.value());
            hi = Math.max(hi, t.value());
        }
        if (!Double.isNaN(p.shownLo)) {
            lo = Math.min(lo, p.shownLo);
            hi = Math.max(hi, p.shownHi);
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(Math.abs(hi) * 0.1, 1e-3);
            return new double[] {lo - pad, hi + pad};
        }
        if (data) { // room above the highest point and below the lowest (but not below 0)
            double pad = (hi - lo) * 0.04;
            hi += pad;
            lo = lo == 0 ? 0 : lo - pad;
        }
        return new double[] {lo, hi};
    }
}
