// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretScan.h"
#include "main/ElidedLabel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QWidget>

// Every text a person can see in a window: labels, buttons, tab names,
// combo items, editable text (not password fields, whose echo hides it),
// placeholder texts, tooltips, accessible names, window titles, the status
// bar's message, message boxes, the rows of item views. For scans that no secret reaches the screen.
namespace tp::test {

inline QStringList visibleTexts(const QWidget* root) {
    QStringList out;
    QList<const QWidget*> widgets{root};
    for (const QWidget* w : root->findChildren<QWidget*>())
        widgets << w;
    for (const QWidget* w : widgets) {
        out << w->windowTitle() << w->toolTip() << w->accessibleName() << w->accessibleDescription()
            << w->statusTip() << w->whatsThis();
        if (auto* label = qobject_cast<const QLabel*>(w))
            out << label->text();
        if (auto* elided = qobject_cast<const ui::ElidedLabel*>(w))
            out << elided->fullText();
        if (auto* view = qobject_cast<const QAbstractItemView*>(w); view && view->model()) {
            const QAbstractItemModel* model = view->model();
            for (int row = 0; row < model->rowCount(); ++row)
                for (int column = 0; column < model->columnCount(); ++column)
                    for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::StatusTipRole)})
                        out << model->index(row, column).data(role).toString();
        }
        if (auto* button = qobject_cast<const QAbstractButton*>(w))
            out << button->text();
        if (auto* edit = qobject_cast<const QLineEdit*>(w)) {
            out << edit->placeholderText();
            if (edit->echoMode() == QLineEdit::Normal)
                out << edit->text();
        }
        if (auto* text = qobject_cast<const QPlainTextEdit*>(w))
            out << text->toPlainText() << text->placeholderText();
        if (auto* text = qobject_cast<const QTextEdit*>(w))
            out << text->toPlainText();
        if (auto* combo = qobject_cast<const QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                out << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
        if (auto* tabs = qobject_cast<const QTabWidget*>(w))
            for (int i = 0; i < tabs->count(); ++i)
                out << tabs->tabText(i) << tabs->tabToolTip(i);
        if (auto* box = qobject_cast<const QMessageBox*>(w))
            out << box->text() << box->informativeText() << box->detailedText();
        if (auto* status = qobject_cast<const QStatusBar*>(w))
            out << status->currentMessage();
    }
    out.removeAll(QString());
    return out;
}

// The first piece of any of `secrets` found in what `root` shows, with where; empty when none.
inline QString secretShownIn(const QWidget* root, const QStringList& secrets) {
    for (const QString& text : visibleTexts(root))
        for (const QString& secret : secrets)
            if (const QString piece = secretPartIn(text, secret); !piece.isEmpty())
                return QStringLiteral("\"%1\" of a secret in \"%2\"").arg(piece, text);
    return {};
}

} // namespace tp::test
