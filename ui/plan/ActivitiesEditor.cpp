// SPDX-License-Identifier: GPL-3.0-or-later
#include "ActivitiesEditor.h"

#include "DayDropList.h"
#include "FieldErrorLabel.h"
#include "FormInput.h"
#include "ItemDragList.h"
#include "PlaceField.h"
#include "plan/PlanValidation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
enum Column { Date, Start, End, Title, Category, Status, ColumnCount };

bool earlier(const plan::Activity& a, const plan::Activity& b) {
    if (a.date != b.date)
        return a.date < b.date;
    if (a.start != b.start)
        return !a.start.isValid() || (b.start.isValid() && a.start < b.start);
    return a.title < b.title;
}
} // namespace

ActivitiesEditor::ActivitiesEditor(QWidget* parent)
    : PlanSection(parent) {
    m_ideas = new ItemDragList(this);
    m_ideas->setObjectName(u"activityIdeas"_s);
    m_ideas->setAccessibleName(tr("Ideas"));
    m_days = new DayDropList(this);
    m_days->setObjectName(u"activityDays"_s);
    m_days->setAccessibleName(tr("Days"));
    m_schedule = new QPushButton(tr("Schedule on da&y"), this);
    m_schedule->setObjectName(u"activitySchedule"_s);
    m_schedule->setToolTip(
        tr("Schedules the selected idea on the selected day (or drag the idea onto a day)"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"activityTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Date"), tr("Start"), tr("End"), tr("Title"), tr("Category"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: a long plan stays quick to show.
    m_table->horizontalHeader()->setResizeContentsPrecision(40);
    m_table->setAccessibleName(tr("Scheduled activities"));

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"activityTitle"_s);
    m_category = new QLineEdit(this);
    m_category->setObjectName(u"activityCategory"_s);
    m_category->setPlaceholderText(tr("museum, food, hike…"));
    m_date = new QLineEdit(this);
    m_date->setObjectName(u"activityDate"_s);
    m_date->setPlaceholderText(tr("YYYY-MM-DD (empty: an idea)"));
    m_start = new QLineEdit(this);
    m_start->setObjectName(u"activityStart"_s);
    m_start->setPlaceholderText(u"HH:mm"_s);
    m_end = new QLineEdit(this);
    m_end->setObjectName(u"activityEnd"_s);
    m_end->setPlaceholderText(u"HH:mm"_s);
    m_place = new PlaceField(u"activity"_s, this);
    m_cost = new QLineEdit(this);
    m_cost->setObjectName(u"activityCost"_s);
    m_cost->setPlaceholderText(u"0.00"_s);
    m_currency = new QLineEdit(this);
    planform::keepCurrencyReadable(m_currency);
    m_currency->setObjectName(u"activityCurrency"_s);
    m_currency->setMaxLength(3);
    m_currency->setPlaceholderText(u"EUR"_s);
    m_bookingRef = new QLineEdit(this);
    m_bookingRef->setObjectName(u"activityBookingRef"_s);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"activityStatus"_s);
    m_status->addItem(tr("Idea"), QString::fromUtf16(plan::item_status::Idea));
    m_status->addItem(tr("Booked"), QString::fromUtf16(plan::item_status::Booked));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"activityNotes"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(60);

    auto* form = new QFormLayout;
    auto row = [&](const QString& text, QWidget* buddy, QLayout* layout = nullptr) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (layout)
            form->addRow(label, layout);
        else
            form->addRow(label, buddy);
    };
    row(tr("&Title"), m_title);
    row(tr("Cate&gory"), m_category);
    row(tr("&Date"), m_date);
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_start);
    auto* endLabel = new QLabel(tr("E&nd"), this);
    endLabel->setBuddy(m_end);
    timeRow->addWidget(endLabel);
    timeRow->addWidget(m_end);
    row(tr("St&art"), m_start, timeRow);
    auto* placeLabel = new QLabel(tr("&Place"), this);
    placeLabel->setBuddy(m_place->lineEdit());
    form->addRow(placeLabel, m_place);
    auto* costRow = new QHBoxLayout;
    costRow->addWidget(m_cost, 2);
    auto* currencyLabel = new QLabel(tr("Cu&rrency"), this);
    currencyLabel->setBuddy(m_currency);
    costRow->addWidget(currencyLabel);
    costRow->addWidget(m_currency, 1);
    row(tr("C&ost"), m_cost, costRow);
    row(tr("&Booking ref"), m_bookingRef);
    row(tr("Stat&us"), m_status);
    row(tr("Note&s"), m_notes);

    m_errors = new FieldErrorLabel(this);
    m_errors->setObjectName(u"activityErrors"_s);
    m_errors->addField(u"title"_s, tr("Title"), m_title);
    m_errors->addField(u"category"_s, tr("Category"), m_category);
    m_errors->addField(u"date"_s, tr("Date"), m_date);
    m_errors->addField(u"start"_s, tr("Start"), m_start);
    m_errors->addField(u"end"_s, tr("End"), m_end);
    m_errors->addField(u"place"_s, tr("Place"), m_place->lineEdit());
    m_errors->addField(u"cost"_s, tr("Cost"), m_cost);
    m_errors->addField(u"cost.currency"_s, tr("Currency"), m_currency);
    m_errors->addField(u"booking_ref"_s, tr("Booking ref"), m_bookingRef);
    m_errors->addField(u"status"_s, tr("Status"), m_status);
    m_errors->addField(u"notes"_s, tr("Notes"), m_notes);
    m_errors->addField(u"id"_s, tr("Id"));

    m_new = new QPushButton(tr("Ne&w activity"), this);
    m_new->setObjectName(u"activityNew"_s);
    m_save = new QPushButton(tr("Save act&ivity"), this);
    m_save->setObjectName(u"activitySave"_s);
    // No Alt+letter is left for Delete among this form's eighteen and the
    // window's menus; the Delete key on the chosen activity or idea does it.
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setToolTip(tr("Delete the chosen activity (Delete key in the list)"));
    m_delete->setObjectName(u"activityDelete"_s);
    m_unschedule = new QPushButton(tr("Unsc&hedule"), this);
    m_unschedule->setObjectName(u"activityUnschedule"_s);
    m_unschedule->setToolTip(tr("Moves the activity back to the ideas"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_unschedule);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);

    auto* ideasBox = new QVBoxLayout;
    ideasBox->addWidget(new QLabel(tr("Ideas (drag one onto a day)"), this));
    ideasBox->addWidget(m_ideas);
    auto* daysBox = new QVBoxLayout;
    daysBox->addWidget(new QLabel(tr("Days"), this));
    daysBox->addWidget(m_days);
    daysBox->addWidget(m_schedule);
    auto* planning = new QHBoxLayout;
    planning->addLayout(ideasBox, 3);
    planning->addLayout(daysBox, 2);
    auto* left = new QVBoxLayout;
    left->addLayout(planning, 2);
    left->addWidget(new QLabel(tr("Scheduled"), this));
    left->addWidget(m_table, 3);
    auto* formBox = new QVBoxLayout;
    formBox->addLayout(form);
    formBox->addWidget(m_errors);
    formBox->addLayout(buttons);
    formBox->addStretch(1); // spare height below the form, not between its rows
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(formBox, 1);

    for (QLineEdit* e : {m_title, m_category, m_date, m_start, m_end, m_cost, m_currency, m_bookingRef})
        connect(e, &QLineEdit::textChanged, this, &ActivitiesEditor::edited);
    connect(m_place, &PlaceField::edited, this, &ActivitiesEditor::edited);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ActivitiesEditor::edited);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ActivitiesEditor::edited);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (settleForm())
            newActivity();
    });
    connect(m_save, &QPushButton::clicked, this, &ActivitiesEditor::save);
    connect(m_delete, &QPushButton::clicked, this, &ActivitiesEditor::remove);
    for (QWidget* list : {static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_ideas)}) {
        auto* del = new QShortcut(QKeySequence::Delete, list, nullptr, nullptr, Qt::WidgetShortcut);
        connect(del, &QShortcut::activated, this, [this] {
            if (m_delete->isEnabled())
                remove();
        });
    }
    connect(m_unschedule, &QPushButton::clicked, this, &ActivitiesEditor::unschedule);
    connect(m_schedule, &QPushButton::clicked, this, &ActivitiesEditor::scheduleSelected);
    connect(m_days, &DayDropList::itemDropped, this, &ActivitiesEditor::schedule);
    connect(m_days, &QListWidget::currentItemChanged, this, &ActivitiesEditor::validate);
    connect(m_ideas, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item)
            return;
        const QString id = item->data(Qt::UserRole).toString();
        if (id != m_base.id && !settleForm()) {
            fillLists(); // the form being edited stays selected
            return;
        }
        if (const plan::Activity* a = m_plan.activity(id)) {
            m_isNew = false;
            loadForm(*a);
        }
        validate();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QString id = m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
        if (id == m_base.id)
            return;
        if (!settleForm()) {
            fillLists(); // the form being edited stays selected
            return;
        }
        if (const plan::Activity* a = m_plan.activity(id)) {
            m_isNew = false;
            loadForm(*a);
        }
    });
    newActivity();
}

void ActivitiesEditor::setPlan(const plan::Plan& plan, const PlanContext& context) {
    m_plan = plan;
    m_context = context;
    m_place->setDestination(context.destination);
    QDate first = context.trip.startDate;
    QDate last = context.trip.endDate;
    if (!first.isValid() || !last.isValid()) {
        // No trip dates: the days the scheduled activities use.
        for (const plan::Activity& a : plan.activities)
            if (a.isScheduled()) {
                first = !first.isValid() || a.date < first ? a.date : first;
                last = !last.isValid() || a.date > last ? a.date : last;
            }
    }
    m_days->setDays(first, last);
    fillLists();
    if (const plan::Activity* saved = plan.activity(m_base.id)) {
        m_isNew = false;
        if (!m_dirty)
            loadForm(*saved);
    } else if (!m_dirty) { // a new form takes the defaults of this plan and trip
        newActivity();
    }
    validate();
}

void ActivitiesEditor::fillLists() {
    const QSignalBlocker blockIdeas(m_ideas);
    const QSignalBlocker blockTable(m_table);
    m_ideas->clear();
    QList<plan::Activity> scheduled;
    for (const plan::Activity& a : std::as_const(m_plan.activities)) {
        if (a.isScheduled()) {
            scheduled << a;
            continue;
        }
        auto* item = new QListWidgetItem(
            a.category.isEmpty() ? a.title : tr("%1 (%2)").arg(a.title, a.category), m_ideas);
        item->setData(Qt::UserRole, a.id);
        if (a.id == m_base.id)
            m_ideas->setCurrentItem(item);
    }
    std::stable_sort(scheduled.begin(), scheduled.end(), earlier);
    m_table->setRowCount(int(scheduled.size()));
    m_table->clearSelection();
    for (int r = 0; r < scheduled.size(); ++r) {
        const plan::Activity& a = scheduled[r];
        const QStringList cells{planform::dateText(a.date),
                                planform::timeText(a.start),
                                planform::timeText(a.end),
                                a.title,
                                a.category,
                                a.status == QStringView(plan::item_status::Booked) ? tr("Booked")
                                                                                   : tr("Idea")};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, a.id);
            m_table->setItem(r, c, item);
        }
        if (a.id == m_base.id)
            m_table->setCurrentCell(r, 0);
    }
    m_table->resizeColumnsToContents();
}

void ActivitiesEditor::loadForm(const plan::Activity& a) {
    m_loading = true;
    m_base = a;
    m_title->setText(a.title);
    m_category->setText(a.category);
    m_date->setText(planform::dateText(a.date));
    m_start->setText(planform::timeText(a.start));
    m_end->setText(planform::timeText(a.end));
    m_place->setPlace(a.place);
    m_cost->setText(planform::amountText(a.cost));
    m_currency->setText(a.cost ? a.cost->currency : m_plan.budget.homeCurrency);
    m_bookingRef->setText(a.bookingRef);
    m_status->setCurrentIndex(qMax(0, m_status->findData(a.status)));
    m_notes->setPlainText(a.notes);
    m_loading = false;
    m_dirty = false;
    validate();
}

void ActivitiesEditor::newActivity() {
    plan::Activity a;
    a.id = plan::newItemId(u"act"_s);
    m_isNew = true;
    loadForm(a);
    m_table->clearSelection();
    m_ideas->clearSelection();
}

bool ActivitiesEditor::editDraft(const plan::Activity& draft) {
    if (!settleForm()) // a stay or activity being typed is asked about first
        return false;
    m_isNew = true;
    loadForm(draft);
    m_table->clearSelection();
    m_ideas->clearSelection();
    m_dirty = true; // not in the plan yet: leaving it asks, as for anything typed
    validate();
    m_title->setFocus();
    return true;
}

plan::Activity ActivitiesEditor::formActivity(QList<FieldError>* errors) const {
    QList<FieldError> problems;
    plan::Activity a = m_base;
    a.title = m_title->text().trimmed();
    a.category = m_category->text().trimmed();
    a.date = planform::readDate(m_date, u"date"_s, problems);
    a.start = planform::readTime(m_start, u"start"_s, problems);
    a.end = planform::readTime(m_end, u"end"_s, problems);
    a.place = m_place->place();
    a.cost = planform::readMoney(m_cost, m_currency, u"cost"_s, problems);
    a.bookingRef = m_bookingRef->text().trimmed();
    a.status = m_status->currentData().toString();
    a.notes = m_notes->toPlainText();
    if (errors) {
        for (const FieldError& e : plan::checkActivity(a))
            if (std::none_of(problems.cbegin(), problems.cend(),
                             [&](const FieldError& p) { return p.field == e.field; }))
                problems << e;
        *errors = problems;
    }
    return a;
}

void ActivitiesEditor::edited() {
    if (m_loading)
        return;
    m_dirty = true;
    validate();
}

void ActivitiesEditor::validate() {
    QList<FieldError> errors;
    formActivity(&errors);
    m_errors->showErrors(m_isNew && !m_dirty ? QList<FieldError>{} : errors);
    m_save->setEnabled(!m_busy && m_dirty && errors.isEmpty());
    m_delete->setEnabled(!m_busy && !m_isNew);
    m_unschedule->setEnabled(!m_busy && !m_isNew && !m_dirty && m_base.isScheduled());
    m_schedule->setEnabled(!m_busy && m_ideas->currentItem() && m_days->currentItem());
}

void ActivitiesEditor::emitWith(const plan::Activity& a, const QString& description) {
    plan::Plan p = m_plan;
    auto it = std::find_if(p.activities.begin(), p.activities.end(),
                           [&](const plan::Activity& x) { return x.id == a.id; });
    if (it != p.activities.end())
        *it = a;
    else
        p.activities << a;
    m_base = a;
    m_isNew = false;
    m_dirty = false;
    validate();
    Q_EMIT changeRequested(p, description);
}

void ActivitiesEditor::save() {
    QList<FieldError> errors;
    const plan::Activity a = formActivity(&errors);
    if (!errors.isEmpty() || m_busy)
        return;
    emitWith(a, m_plan.activity(a.id) ? tr("Edit activity %1").arg(a.title)
                                      : tr("Add activity %1").arg(a.title));
}

void ActivitiesEditor::remove() {
    if (m_isNew || m_busy)
        return;
    plan::Plan p = m_plan;
    if (!p.remove(m_base.id))
        return;
    const QString title = m_base.title;
    m_dirty = false;
    newActivity();
    Q_EMIT changeRequested(p, tr("Remove activity %1").arg(title));
}

void ActivitiesEditor::unschedule() {
    const plan::Activity* saved = m_plan.activity(m_base.id);
    if (!saved || m_busy)
        return;
    plan::Activity a = *saved;
    a.date = {};
    a.start = {};
    a.end = {};
    emitWith(a, tr("Unschedule %1").arg(a.title));
    loadForm(a);
}

void ActivitiesEditor::schedule(const QString& id, const QDate& day) {
    const plan::Activity* saved = m_plan.activity(id);
    if (!saved || !day.isValid() || m_busy)
        return;
    plan::Activity a = *saved;
    a.date = day;
    emitWith(a, tr("Schedule %1 on %2").arg(a.title, QLocale().toString(day, QLocale::ShortFormat)));
    loadForm(a);
}

void ActivitiesEditor::scheduleSelected() {
    if (QListWidgetItem* idea = m_ideas->currentItem())
        schedule(idea->data(Qt::UserRole).toString(), m_days->currentDay());
}

void ActivitiesEditor::setGeocoder(geo::GeocodingService* geocoder) {
    m_place->setGeocoder(geocoder);
}

bool ActivitiesEditor::selectItem(const QString& id) {
    const plan::Activity* a = m_plan.activity(id);
    if (!a)
        return false;
    if (id != m_base.id && !settleForm())
        return true; // the form being edited stays
    m_isNew = false;
    loadForm(*a);
    fillLists();
    return true;
}

QString ActivitiesEditor::unsavedFormName() const {
    const QString title = m_title->text().trimmed();
    return title.isEmpty() ? tr("The new activity") : tr("The activity “%1”").arg(title);
}

bool ActivitiesEditor::applyForm() {
    save();
    return !m_dirty;
}

void ActivitiesEditor::discardForm() {
    m_dirty = false;
    if (const plan::Activity* saved = m_plan.activity(m_base.id)) {
        m_isNew = false;
        loadForm(*saved);
    } else {
        newActivity();
    }
    fillLists();
}

void ActivitiesEditor::setBusy(bool busy) {
    m_busy = busy;
    m_new->setEnabled(!busy);
    validate();
}

} // namespace tp::ui
