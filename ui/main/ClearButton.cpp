// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClearButton.h"

#include <QAction>
#include <QIcon>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// A grey disc with a white cross, readable on light and dark fields alike.
QIcon clearIcon() {
    static const QIcon icon = [] {
        QIcon i;
        for (int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(128, 128, 128, 200));
            const qreal m = size * 0.12;
            p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
            QPen cross(Qt::white, size / 10.0, Qt::SolidLine, Qt::RoundCap);
            p.setPen(cross);
            const qreal a = size * 0.35, b = size * 0.65;
            p.drawLine(QPointF(a, a), QPointF(b, b));
            p.drawLine(QPointF(a, b), QPointF(b, a));
            p.end();
            i.addPixmap(pixmap);
        }
        return i;
    }();
    return icon;
}
} // namespace

void addClearButton(QLineEdit* edit) {
    auto* clear = edit->addAction(clearIcon(), QLineEdit::TrailingPosition);
    clear->setObjectName(u"clearText"_s);
    clear->setToolTip(QLineEdit::tr("Clear"));
    clear->setVisible(!edit->text().isEmpty());
    QObject::connect(clear, &QAction::triggered, edit, [edit] {
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
    });
    QObject::connect(edit, &QLineEdit::textChanged, clear,
                     [clear](const QString& text) { clear->setVisible(!text.isEmpty()); });
}

} // namespace tp::ui
