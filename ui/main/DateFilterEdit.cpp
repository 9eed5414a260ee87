// SPDX-License-Identifier: GPL-3.0-or-later
#include "DateFilterEdit.h"
#include "ClearButton.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

using namespace Qt::StringLiterals;

namespace tp::ui {

DateFilterEdit::DateFilterEdit(QWidget* parent)
    : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"dateText"_s);
    m_edit->setPlaceholderText(tr("any date"));
    addClearButton(m_edit);
    // Room for "2027-03-01" and the clear button, no more.
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(u"0000-00-000"_s) + 28);
    m_edit->setMaximumWidth(m_edit->minimumWidth() + 24);
    m_calendar = new QToolButton(this);
    m_calendar->setObjectName(u"dateCalendar"_s);
    m_calendar->setText(u"▾"_s);
    m_calendar->setToolTip(tr("Choose a date from a calendar"));
    m_calendar->setFocusPolicy(Qt::TabFocus);
    row->addWidget(m_edit);
    row->addWidget(m_calendar);
    setFocusProxy(m_edit);
    // The field and its calendar button stay together; the filter bar's stretch takes the rest.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    connect(m_edit, &QLineEdit::editingFinished, this, &DateFilterEdit::applyTyped);
    // The clear button (and emptying the field) means "any date" at once.
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && m_date.isValid())
            setDate({});
    });
    connect(m_calendar, &QToolButton::clicked, this, &DateFilterEdit::openCalendar);
}

void DateFilterEdit::setDate(const QDate& date) {
    showProblem({});
    const QString text = date.isValid() ? date.toString(Qt::ISODate) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
    if (date == m_date)
        return;
    m_date = date;
    Q_EMIT dateChanged(m_date);
}

void DateFilterEdit::applyTyped() {
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        setDate({});
        return;
    }
    const QDate typed = QDate::fromString(text, Qt::ISODate);
    if (!typed.isValid()) {
        // The filter keeps its last date; the text stays for the person to fix.
        showProblem(tr("“%1” is not a date: write it as YYYY-MM-DD, for example 2027-03-01.").arg(text));
        return;
    }
    setDate(typed);
}

void DateFilterEdit::showProblem(const QString& problem) {
    m_edit->setToolTip(problem);
    m_edit->setProperty("invalid", !problem.isEmpty());
    m_edit->setStyleSheet(problem.isEmpty() ? QString() : u"QLineEdit { border: 1px solid #c0392b; }"_s);
}

void DateFilterEdit::openCalendar() {
    // A popup that closes itself, not a modal loop.
    auto* popup = new QMenu(this);
    popup->setObjectName(u"calendarPopup"_s);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    auto* calendar = new QCalendarWidget(popup);
    calendar->setObjectName(u"filterCalendar"_s);
    calendar->setGridVisible(true);
    // Opens where the person is likely to look: the chosen date, else today.
    calendar->setSelectedDate(m_date.isValid() ? m_date : QDate::currentDate());
    auto* action = new QWidgetAction(popup);
    action->setDefaultWidget(calendar);
    popup->addAction(action);
    auto pick = [this, popup](const QDate& d) {
        setDate(d);
        popup->close();
    };
    connect(calendar, &QCalendarWidget::activated, popup, pick);
    connect(calendar, &QCalendarWidget::clicked, popup, pick);
    popup->popup(m_calendar->mapToGlobal(QPoint(0, m_calendar->height())));
    calendar->setFocus(Qt::PopupFocusReason);
}

} // namespace tp::ui
