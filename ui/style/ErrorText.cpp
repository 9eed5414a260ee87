// SPDX-License-Identifier: GPL-3.0-or-later
#include "ErrorText.h"

#include "draw/Contrast.h"

#include <QEvent>
#include <QPalette>
#include <QPointer>
#include <QWidget>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

QColor errorTextColour(const QColor& background) {
    // The hue and saturation of #c0392b; only the lightness moves, in steps of
    // 1 %, away from the background until the contrast is enough. Black or
    // white (the ends of the walk) reach at least 4.58:1 on any background, so
    // the walk always ends with a readable colour.
    const QColor base(0xc0, 0x39, 0x2b);
    if (contrastRatio(base, background) >= MinimumTextContrast)
        return base;
    // Lighter on a background that white text would suit better than black.
    const bool darkBackground = contrastRatio(background, Qt::white) > contrastRatio(background, Qt::black);
    const float hue = base.hslHueF();
    const float saturation = darkBackground ? 1.0f : base.hslSaturationF();
    float lightness = darkBackground ? std::max(base.lightnessF(), 0.6f) : base.lightnessF();
    for (int step = 0; step <= 100; ++step) {
        const QColor c = QColor::fromHslF(hue, saturation, lightness);
        if (contrastRatio(c, background) >= MinimumTextContrast)
            return c.toRgb();
        lightness = std::clamp(lightness + (darkBackground ? 0.01f : -0.01f), 0.0f, 1.0f);
    }
    return darkBackground ? QColor(Qt::white) : QColor(Qt::black);
}

namespace {

// Re-colours its widget whenever the palette it inherits changes.
class ErrorTextFollower : public QObject {
public:
    explicit ErrorTextFollower(QWidget* widget)
        : QObject(widget)
        , m_widget(widget) {
        setObjectName(u"tpErrorTextFollower"_s);
        widget->installEventFilter(this);
    }

    void apply() {
        if (!m_widget || m_applying)
            return;
        m_applying = true;
        // Only the text roles are the widget's own: a palette that has no role
        // set but them, so that everything else (the window colour the red is
        // chosen against) keeps following the parent and the application.
        const QPalette inherited = m_widget->palette();
        QPalette p;
        p.setResolveMask(0);
        // Every colour group: an error stays red (and readable) in an inactive
        // window and on a disabled form.
        for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
            const QColor red = errorTextColour(inherited.color(group, QPalette::Window));
            p.setColor(group, QPalette::WindowText, red);
            p.setColor(group, QPalette::Text, red);
        }
        m_widget->setPalette(p);
        m_applying = false;
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_widget && !m_applying &&
            (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange))
            apply();
        return false;
    }

private:
    QPointer<QWidget> m_widget;
    bool m_applying = false;
};

ErrorTextFollower* followerOf(const QWidget* widget) {
    return widget->findChild<ErrorTextFollower*>(u"tpErrorTextFollower"_s, Qt::FindDirectChildrenOnly);
}

} // namespace

void setErrorText(QWidget* widget, bool error) {
    if (!widget)
        return;
    ErrorTextFollower* follower = followerOf(widget);
    if (error == (follower != nullptr))
        return;
    if (error) {
        (new ErrorTextFollower(widget))->apply();
    } else {
        delete follower;
        widget->setPalette(QPalette()); // the inherited palette again
    }
}

bool isErrorText(const QWidget* widget) {
    return widget && followerOf(widget) != nullptr;
}

} // namespace tp::ui
