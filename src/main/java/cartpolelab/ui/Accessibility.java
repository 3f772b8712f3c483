package cartpolelab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;

/**
 * Names for screen readers, from what the window already says: a control's tooltip becomes
 * its accessible help, and a control whose text is only symbols («, ‹, ›, », ?) is named by
 * its tooltip too, so "‹ Frame" reads as "One frame back", as is a box without a text of
 * its own (the replay's speed). Run once over a built view.
 */
public final class Accessibility {

    private Accessibility() {
    }

    /** Names every control under {@code root} that has a tooltip and no name of its own. */
    public static void describe(Node root) {
        if (root instanceof Control c && c.getTooltip() != null) {
            String tip = c.getTooltip().getText();
            if (c.getAccessibleHelp() == null) {
                c.setAccessibleHelp(tip);
            }
            if (c.getAccessibleText() == null
                    && !(c instanceof Labeled l && hasWords(l.getText()))) {
                c.setAccessibleText(firstSentence(tip));
            }
        }
        if (root instanceof Parent p) {
            for (Node n : p.getChildrenUnmodifiable()) {
                describe(n);
            }
        }
        if (root instanceof ToolBar bar) {
            for (Node n : bar.getItems()) {
                describe(n);
            }
        }
    }

    /** True when {@code text} has a word of two letters or more (not only symbols). */
    static boolean hasWords(String text) {
        return text != null && text.matches("(?s).*\\p{L}{2,}.*");
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        int paren = text.indexOf("  (");
        int cut = end < 0 ? paren : paren < 0 ? end : Math.min(end, paren);
        return (cut < 0 ? text : text.substring(0, cut)).trim();
    }
}
