// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace tp::ui {

// An optional date for a filter: empty means "any date". Typed as YYYY-MM-DD
// (applied when the field is left or Enter is pressed, with a clear message
// for what cannot be read), picked from a calendar that opens at the chosen
// date or today, and cleared with the field's clear button or Delete.
class DateFilterEdit : public QWidget {
    Q_OBJECT
public:
    explicit DateFilterEdit(QWidget* parent = nullptr);

    QDate date() const { return m_date; } // invalid: any date
    void setDate(const QDate& date);
    void clear() { setDate({}); }
    QLineEdit* lineEdit() const { return m_edit; }
    QToolButton* calendarButton() const { return m_calendar; }

Q_SIGNALS:
    void dateChanged(const QDate& date);

private:
    void applyTyped();
    void openCalendar();
    void showProblem(const QString& problem);

    QLineEdit* m_edit;
    QToolButton* m_calendar;
    QDate m_date;
};

} // namespace tp::ui
