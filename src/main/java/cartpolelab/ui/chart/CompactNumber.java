package cartpolelab.ui.chart;

import java.util.Locale;
import javafx.util.StringConverter;

/** Short axis labels: 0.000312 → "3.1e-4", 0.25 → "0.25", 1530 → "1.5k", 2.4e6 → "2.4M". */
public final class CompactNumber extends StringConverter<Number> {

    @Override
    public String toString(Number number) {
        return format(number.doubleValue());
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        if (a >= 1e4) {
            return trim(String.format(Locale.ROOT, "%.0f", v / 1e3)) + "k";
        }
        if (a >= 1e3) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        if (a >= 1) {
            return trim(String.format(Locale.ROOT, "%.2f", v));
        }
        if (a >= 1e-2) {
            return trim(String.format(Locale.ROOT, "%.3f", v));
        }
        return String.format(Locale.ROOT, "%.1e", v).replace("e-0", "e-");
    }

    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public Number fromString(String string) {
        throw new UnsupportedOperationException("axis labels are not parsed");
    }
}
