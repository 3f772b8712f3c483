package cartpolelab.ui.lesson;

import cartpolelab.ui.canvas.Term;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A chapter's formula, typeset ({@link Formulas}) in the theme's text colour at twice its size
 * and shown at half (sharp when zoomed), narrowed to {@code room} when wider. Its terms are
 * linked to the numbers panel: with the pointer over ∇log π, Gₜ, V(s) or Âₜ the term is
 * outlined here and {@code link} is told (the main window highlights that row of its replay
 * overlay); leaving tells it null.
 */
final class FormulaView extends Pane {

    private static final float SIZE = 26;

    private final ImageView image = new ImageView();
    private final Rectangle mark = new Rectangle();
    private List<Formulas.Span> spans = List.of();
    private Consumer<Term> link = t -> { };
    private Term hovered;
    private String tex;
    private boolean dark;

    FormulaView() {
        image.setId("lessonFormula");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        mark.setId("lessonTermMark");
        mark.getStyleClass().add("lesson-term-mark");
        mark.setManaged(false);
        mark.setMouseTransparent(true);
        mark.setVisible(false);
        mark.setArcWidth(8);
        mark.setArcHeight(8);
        mark.setFill(Color.web("#ffd23f", 0.35));
        mark.setStroke(Color.web("#b7791f"));
        getChildren().addAll(image, mark);
        setOnMouseMoved(e -> hover(termAt(e.getX())));
        setOnMouseExited(e -> hover(null));
    }

    /** Who highlights the term in the numbers panel. */
    void setLink(Consumer<Term> link) {
        this.link = link == null ? t -> { } : link;
    }

    /** Typesets {@code tex} (marked terms) in light or dark text. */
    void show(String tex, boolean dark) {
        if (tex.equals(this.tex) && dark == this.dark) {
            return;
        }
        this.tex = tex;
        this.dark = dark;
        image.setImage(Formulas.image(tex, SIZE, dark));
        spans = Formulas.spans(tex, SIZE);
        hover(null);
    }

    /** Narrows the formula to {@code room} pixels when it is wider. */
    void fit(double room) {
        if (image.getImage() != null) {
            image.setFitWidth(Math.min(image.getImage().getWidth() / 2, room));
        }
    }

    private double scale() {
        return image.getImage() == null ? 1
                : image.getBoundsInLocal().getWidth() / image.getImage().getWidth();
    }

    private Term termAt(double x) {
        double k = scale();
        for (Formulas.Span s : spans) {
            if (x >= s.from() * k && x <= s.to() * k) {
                return s.term();
            }
        }
        return null;
    }

    private void hover(Term t) {
        if (t != hovered) {
            hovered = t;
            link.accept(t);
        }
        Formulas.Span s = t == null ? null
                : spans.stream().filter(x -> x.term() == t).findFirst().orElse(null);
        mark.setVisible(s != null);
        if (s != null) {
            double k = scale();
            mark.setX(s.from() * k - 3);
            mark.setWidth((s.to() - s.from()) * k + 6);
            mark.setY(0);
            mark.setHeight(image.getBoundsInLocal().getHeight());
        }
    }

    /** The term under the pointer, or null. */
    Term hovered() {
        return hovered;
    }

    /** The middle of {@code t}'s first occurrence, on screen (for tests); null if absent. */
    Point2D screenPoint(Term t) {
        double k = scale();
        return spans.stream().filter(s -> s.term() == t).findFirst()
                .map(s -> image.localToScreen((s.from() + s.to()) / 2 * k,
                        image.getBoundsInLocal().getHeight() / 2)).orElse(null);
    }

    /** The terms this formula links, in order. */
    List<Term> terms() {
        return spans.stream().map(Formulas.Span::term).distinct().toList();
    }

    ImageView imageView() {
        return image;
    }

    @Override
    protected double computePrefWidth(double height) {
        return image.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return image.prefHeight(-1);
    }

    /** Never squeezed: a short page scrolls instead of drawing text over the formula. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
