// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QPushButton>
#include <optional>

namespace tp::ui {

// Yes/no questions to the user. A test scripts the next answer instead of a
// modal box (as KeePassXC's MessageBox::setNextAnswer).
class Confirm {
public:
    static bool ask(QWidget* parent, const QString& title, const QString& text, const QString& yesText) {
        if (auto answer = nextAnswer()) {
            lastQuestion() = text;
            nextAnswer().reset();
            return *answer;
        }
        lastQuestion() = text;
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
        QPushButton* yes = box.addButton(yesText, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == yes;
    }
    static void setNextAnswer(bool yes) { nextAnswer() = yes; }

    // Unsaved work: Save, Discard or Cancel, as every desktop editor asks.
    // Without `canSave` (nothing that Save could keep) only Discard and Cancel.
    enum class SaveChoice { Save, Discard, Cancel };
    static SaveChoice askToSave(QWidget* parent, const QString& title, const QString& text, bool canSave,
                                const QString& discardText) {
        lastQuestion() = text;
        if (auto answer = nextSaveChoice()) {
            nextSaveChoice().reset();
            return *answer;
        }
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
        QPushButton* save = canSave ? box.addButton(QMessageBox::Save) : nullptr;
        QPushButton* discard = box.addButton(discardText, QMessageBox::DestructiveRole);
        if (save)
            box.setDefaultButton(save);
        else
            box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (save && box.clickedButton() == save)
            return SaveChoice::Save;
        if (box.clickedButton() == discard)
            return SaveChoice::Discard;
        return SaveChoice::Cancel;
    }
    static void setNextSaveChoice(SaveChoice choice) { nextSaveChoice() = choice; }
    static QString& lastQuestion() {
        static QString text;
        return text;
    }

private:
    static std::optional<SaveChoice>& nextSaveChoice() {
        static std::optional<SaveChoice> choice;
        return choice;
    }
    static std::optional<bool>& nextAnswer() {
        static std::optional<bool> answer;
        return answer;
    }
};

} // namespace tp::ui
