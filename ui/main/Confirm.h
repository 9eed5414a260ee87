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
    static QString& lastQuestion() {
        static QString text;
        return text;
    }

private:
    static std::optional<bool>& nextAnswer() {
        static std::optional<bool> answer;
        return answer;
    }
};

} // namespace tp::ui
