// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripEditor.h"

#include "StatusStepper.h"

#include "domain/Stages.h"
#include "domain/Validation.h"
#include "style/ErrorText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

TripEditor::TripEditor(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"tripEditor"_s);
    auto* outer = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont hf = m_heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.3);
    hf.setBold(true);
    m_heading->setFont(hf);
    outer->addWidget(m_heading);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addField = [&](const QString& field, const QString& label, QWidget* editor) {
        auto* box = new QVBoxLayout;
        box->setSpacing(1);
        box->addWidget(editor);
        box->addWidget(errorLabel(field));
        auto* l = new QLabel(label, this);
        l->setBuddy(editor);
        form->addRow(l, box);
        editor->setAccessibleName(fieldLabel(field));
    };

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"title"_s);
    m_title->setPlaceholderText(tr("Where to, and why?"));
    addField(u"title"_s, tr("&Title"), m_title);

    m_destination = new QComboBox(this);
    m_destination->setObjectName(u"destination"_s);
    m_destination->addItem(tr("(no destination)"), QVariant());
    // A long destination name must not widen the editor (and the window).
    m_destination->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_destination->setMinimumContentsLength(16);
    addField(u"destination"_s, tr("Dest&ination"), m_destination);

    auto* dates = new QWidget(this);
    auto* datesRow = new QHBoxLayout(dates);
    datesRow->setContentsMargins(0, 0, 0, 0);
    m_start = new QLineEdit(dates);
    m_start->setObjectName(u"startDate"_s);
    m_start->setPlaceholderText(tr("YYYY-MM-DD"));
    m_start->setAccessibleName(tr("Start date"));
    m_end = new QLineEdit(dates);
    m_end->setObjectName(u"endDate"_s);
    m_end->setPlaceholderText(tr("YYYY-MM-DD"));
    m_end->setAccessibleName(tr("End date"));
    datesRow->addWidget(m_start);
    datesRow->addWidget(new QLabel(tr("to"), dates));
    datesRow->addWidget(m_end);
    auto* datesBox = new QVBoxLayout;
    datesBox->setSpacing(1);
    datesBox->addWidget(dates);
    // One line for both dates' messages, so that neither pushes the form down.
    QLabel* datesError = errorLabel(u"start_date"_s);
    m_errorLabels.insert(u"end_date"_s, datesError);
    datesBox->addWidget(datesError);
    m_computed = new QLabel(this);
    m_computed->setObjectName(u"computed"_s);
    datesBox->addWidget(m_computed);
    auto* datesLabel = new QLabel(tr("&Dates"), this);
    datesLabel->setBuddy(m_start);
    form->addRow(datesLabel, datesBox);

    m_budget = new QLineEdit(this);
    m_budget->setObjectName(u"budget"_s);
    m_budget->setPlaceholderText(tr("e.g. 2500.00"));
    addField(u"budget"_s, tr("&Budget"), m_budget);

    m_travellers = new QSpinBox(this);
    m_travellers->setObjectName(u"travellers"_s);
    m_travellers->setRange(0, 9999);
    addField(u"travelers_count"_s, tr("Tr&avellers"), m_travellers);

    // Where the trip stands (a stepper that only shows), and the statuses a
    // person sets by hand; the others follow the planner and the planning stages.
    m_stepper = new StatusStepper(this);
    m_statusChoice = new QComboBox(this);
    m_statusChoice->setObjectName(u"statusChoice"_s);
    m_statusChoice->setAccessibleName(fieldLabel(u"status"_s));
    m_statusChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents); // its items change with the trip
    auto* statusBox = new QVBoxLayout;
    statusBox->setSpacing(2);
    statusBox->addWidget(m_stepper);
    auto* choiceRow = new QHBoxLayout;
    auto* choiceLabel = new QLabel(tr("Set stat&us:"), this);
    choiceLabel->setBuddy(m_statusChoice);
    choiceRow->addWidget(choiceLabel);
    choiceRow->addWidget(m_statusChoice);
    choiceRow->addStretch();
    statusBox->addLayout(choiceRow);
    statusBox->addWidget(errorLabel(u"status"_s));
    form->addRow(tr("Status"), statusBox);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    addField(u"description"_s, tr("Desc&ription"), m_description);
    outer->addLayout(form, 1);

    auto* buttons = new QHBoxLayout;
    m_saveReason = new QLabel(this);
    m_saveReason->setObjectName(u"saveReason"_s);
    m_saveReason->setWordWrap(true);
    m_saveReason->setStyleSheet(u"color: palette(mid);"_s);
    buttons->addWidget(m_saveReason, 1);
    m_revert = new QPushButton(tr("Discard c&hanges"), this);
    m_revert->setObjectName(u"revert"_s);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"save"_s);
    m_save->setDefault(true);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    outer->addLayout(buttons);

    // A field's message shows once the field was left (or Save was pressed),
    // not while its first value is being typed; a message already shown
    // follows the typing, so it goes away as soon as the value is right.
    const std::pair<QLineEdit*, QString> lines[] = {
        {m_title, u"title"_s}, {m_start, u"start_date"_s}, {m_end, u"end_date"_s}, {m_budget, u"budget"_s}};
    for (const auto& [edit, field] : lines) {
        connect(edit, &QLineEdit::textChanged, this, [this, field = field] {
            if (!m_shownErrors.contains(field))
                m_touched.remove(field);
            revalidate();
        });
        connect(edit, &QLineEdit::editingFinished, this, [this, field = field] {
            touch(field);
            if (field == u"end_date")
                touch(u"start_date"_s); // "ends before it starts" belongs to both
        });
        // Enter saves, as in every form.
        connect(edit, &QLineEdit::returnPressed, this, &TripEditor::save);
    }
    connect(m_description, &QPlainTextEdit::textChanged, this, &TripEditor::revalidate);
    connect(m_travellers, &QSpinBox::valueChanged, this, [this] { touch(u"travelers_count"_s); });
    connect(m_destination, &QComboBox::currentIndexChanged, this, [this] { touch(u"destination"_s); });
    connect(m_statusChoice, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_stepper->setStatus(status());
        touch(u"status"_s);
    });
    connect(m_revert, &QPushButton::clicked, this, [this] { setTrip(m_trip); });
    connect(m_save, &QPushButton::clicked, this, &TripEditor::save);
    startNew();
}

QLabel* TripEditor::errorLabel(const QString& field) {
    auto* l = new QLabel(this);
    l->setObjectName(u"error_"_s + field);
    setErrorText(l);
    l->setWordWrap(true);
    // The line is kept whether or not a message is in it: fields never jump
    // (and clicks never land in the wrong one) as messages come and go.
    l->setMinimumHeight(l->fontMetrics().height());
    QSizePolicy keep = l->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    l->setSizePolicy(keep);
    l->hide();
    m_errorLabels.insert(field, l);
    return l;
}

QString TripEditor::fieldLabel(const QString& field) {
    static const QHash<QString, const char*> labels = {{u"title"_s, QT_TR_NOOP("Title")},
                                                       {u"description"_s, QT_TR_NOOP("Description")},
                                                       {u"destination"_s, QT_TR_NOOP("Destination")},
                                                       {u"start_date"_s, QT_TR_NOOP("Start date")},
                                                       {u"end_date"_s, QT_TR_NOOP("End date")},
                                                       {u"budget"_s, QT_TR_NOOP("Budget")},
                                                       {u"travelers_count"_s, QT_TR_NOOP("Travellers")},
                                                       {u"status"_s, QT_TR_NOOP("Status")}};
    const auto it = labels.find(field);
    return it == labels.end() ? field : tr(it.value());
}

void TripEditor::setDestinations(const QList<Destination>& destinations) {
    const QVariant current = m_destination->currentData();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_destination->clear();
    m_destination->addItem(tr("(no destination)"), QVariant());
    for (const Destination& d : destinations)
        m_destination->addItem(tr("%1, %2").arg(d.name, d.country), QVariant::fromValue(d.id));
    const QVariant wanted = m_trip.destinationId ? QVariant::fromValue(*m_trip.destinationId) : current;
    int idx = wanted.isValid() ? m_destination->findData(wanted) : 0;
    if (idx < 0 && m_trip.destinationId) {
        m_destination->addItem(tr("%1, %2").arg(m_trip.destinationName, m_trip.destinationCountry),
                               QVariant::fromValue(*m_trip.destinationId));
        idx = m_destination->count() - 1;
    }
    m_destination->setCurrentIndex(qMax(0, idx));
    m_loading = wasLoading;
    revalidate();
}

void TripEditor::startNew() {
    Trip t;
    t.travelersCount = 1;
    setTrip(t);
}

void TripEditor::setTrip(const Trip& trip) {
    m_loading = true;
    m_trip = trip;
    m_touched.clear();
    m_shownErrors.clear();
    m_showAllErrors = false;
    m_heading->setText(trip.id == 0 ? tr("New trip") : tr("Edit trip"));
    m_title->setText(trip.title);
    m_description->setPlainText(trip.description);
    m_start->setText(trip.startDate.isValid() ? trip.startDate.toString(Qt::ISODate) : QString());
    m_end->setText(trip.endDate.isValid() ? trip.endDate.toString(Qt::ISODate) : QString());
    m_budget->setText(trip.budget ? trip.budget->toString() : QString());
    m_travellers->setValue(trip.travelersCount);
    int idx = 0;
    if (trip.destinationId) {
        idx = m_destination->findData(QVariant::fromValue(*trip.destinationId));
        if (idx < 0) {
            m_destination->addItem(tr("%1, %2").arg(trip.destinationName, trip.destinationCountry),
                                   QVariant::fromValue(*trip.destinationId));
            idx = m_destination->count() - 1;
        }
    }
    m_destination->setCurrentIndex(idx);
    setStatus(trip.status);
    m_save->setText(trip.id == 0 ? tr("&Create trip") : tr("&Save"));
    m_loading = false;
    revalidate();
}

// The statuses a person sets by hand; the others are reached through the
// planner (a chosen destination) and the planning stages.
static constexpr TripStatus kChosenByHand[] = {TripStatus::Planning, TripStatus::Booked,
                                               TripStatus::Completed, TripStatus::Cancelled};

void TripEditor::setBudget(const Decimal& budget) {
    m_budget->setText(budget.toString());
}

void TripEditor::setStatus(const QString& status) {
    const bool wasLoading = m_loading;
    m_loading = true;
    m_statusChoice->clear();
    auto add = [this](TripStatus value, const QString& suffix) {
        const QString label = QCoreApplication::translate("Stages", trip_status::all[int(value)].label);
        m_statusChoice->addItem(label + suffix, storedValue(value));
    };
    // A status reached otherwise is listed too, so that saving keeps it;
    // one this version does not know is not offered (Planning is selected).
    const std::optional<TripStatus> current = tripStatusFrom(status);
    if (current &&
        std::find(std::begin(kChosenByHand), std::end(kChosenByHand), *current) == std::end(kChosenByHand))
        add(*current, tr(" (now)"));
    for (const TripStatus v : kChosenByHand)
        add(v, QString());
    m_statusChoice->setCurrentIndex(qMax(0, m_statusChoice->findData(status)));
    m_stepper->setStatus(this->status());
    m_loading = wasLoading;
}

QString TripEditor::status() const {
    const QString value = m_statusChoice->currentData().toString();
    return value.isEmpty() ? storedValue(TripStatus::Planning) : value;
}

void TripEditor::touch(const QString& field) {
    if (m_loading)
        return; // values being loaded are not the person's edits
    m_touched.insert(field);
    revalidate();
}

void TripEditor::save() {
    if (m_busy || !(isModified() || isNew()))
        return;
    m_showAllErrors = true; // every message, now that the person asked to save
    revalidate();
    if (!m_errors.isEmpty()) {
        focusField(m_errors.first().field);
        return;
    }
    Q_EMIT saveRequested(currentTrip());
}

void TripEditor::focusField(const QString& field) {
    QWidget* w = field == u"title"             ? static_cast<QWidget*>(m_title)
                 : field == u"start_date"      ? m_start
                 : field == u"end_date"        ? m_end
                 : field == u"budget"          ? m_budget
                 : field == u"travelers_count" ? m_travellers
                 : field == u"destination"     ? m_destination
                 : field == u"status"          ? m_statusChoice
                 : field == u"description"     ? static_cast<QWidget*>(m_description)
                                               : nullptr;
    if (w)
        w->setFocus(Qt::OtherFocusReason);
}

Trip TripEditor::currentTrip() const {
    Trip t = m_trip;
    t.title = m_title->text();
    t.description = m_description->toPlainText();
    t.travelersCount = m_travellers->value();
    t.status = status();
    const QVariant d = m_destination->currentData();
    if (d.isValid()) {
        t.destinationId = d.value<Id>();
        const QString text = m_destination->currentText();
        const qsizetype comma = text.lastIndexOf(u", "_s);
        t.destinationName = comma < 0 ? text : text.left(comma);
        t.destinationCountry = comma < 0 ? QString() : text.mid(comma + 2);
    } else {
        t.destinationId.reset();
        t.destinationName.clear();
        t.destinationCountry.clear();
    }
    auto parse = [](auto fn) {
        try {
            return fn();
        } catch (const Error&) {
            return decltype(fn())();
        }
    };
    t.startDate = m_start->text().trimmed().isEmpty()
                      ? QDate()
                      : parse([&] { return validation::parseDate(u"start_date"_s, m_start->text()); });
    t.endDate = m_end->text().trimmed().isEmpty()
                    ? QDate()
                    : parse([&] { return validation::parseDate(u"end_date"_s, m_end->text()); });
    t.budget.reset();
    if (!m_budget->text().trimmed().isEmpty()) {
        try {
            t.budget = validation::parseMoney(u"budget"_s, m_budget->text().trimmed());
        } catch (const Error&) {
        }
    }
    return t;
}

bool TripEditor::isModified() const {
    const Trip t = currentTrip();
    return t.title != m_trip.title || t.description != m_trip.description ||
           t.startDate != m_trip.startDate || t.endDate != m_trip.endDate || t.budget != m_trip.budget ||
           t.travelersCount != m_trip.travelersCount || t.status != m_trip.status ||
           t.destinationId != m_trip.destinationId ||
           m_budget->text().trimmed() != (m_trip.budget ? m_trip.budget->toString() : QString());
}

void TripEditor::revalidate() {
    if (m_loading)
        return;
    QList<FieldError> errors;
    auto tryParse = [&](auto fn) {
        try {
            fn();
        } catch (const Error& e) {
            errors << e.fieldErrors();
        }
    };
    if (!m_start->text().trimmed().isEmpty())
        tryParse([&] { validation::parseDate(u"start_date"_s, m_start->text()); });
    if (!m_end->text().trimmed().isEmpty())
        tryParse([&] { validation::parseDate(u"end_date"_s, m_end->text()); });
    if (!m_budget->text().trimmed().isEmpty())
        tryParse([&] { validation::parseMoney(u"budget"_s, m_budget->text().trimmed()); });
    const Trip t = currentTrip();
    for (const FieldError& e : validation::checkTrip(t)) {
        const bool dup = std::any_of(errors.cbegin(), errors.cend(),
                                     [&](const FieldError& x) { return x.field == e.field; });
        if (!dup)
            errors << e;
    }
    m_errors = errors;

    // Each message line shows the messages of its fields that were touched
    // (or all after Save was pressed).
    m_shownErrors.clear();
    QHash<QLabel*, QStringList> texts;
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        texts.insert(it.value(), {});
    for (const FieldError& e : std::as_const(errors)) {
        if (!m_showAllErrors && !m_touched.contains(e.field))
            continue;
        if (QLabel* l = m_errorLabels.value(e.field)) {
            texts[l] << tr("%1 %2").arg(fieldLabel(e.field), e.message);
            m_shownErrors.insert(e.field);
        }
    }
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        it.key()->setText(it.value().join(u'\n'));
        it.key()->setVisible(!it.value().isEmpty());
    }

    // Computed properties, as the seed has them (no length for dates in the wrong order).
    QStringList info;
    if (auto d = t.durationDays(); d && *d >= 0)
        info << tr("%n days", nullptr, *d);
    if (t.startDate.isValid())
        info << (t.isFutureTrip() ? tr("upcoming") : tr("past or under way"));
    m_computed->setText(info.join(u" · "_s));

    const bool modified = isModified() || isNew();
    // Save stays available while something is wrong: pressing it says what and
    // where, instead of a disabled button that explains nothing.
    m_save->setEnabled(modified && !m_busy);
    m_revert->setEnabled(modified && !isNew() && !m_busy);
    if (!m_shownErrors.isEmpty()) {
        const FieldError* first = nullptr;
        for (const FieldError& e : std::as_const(errors))
            if (m_shownErrors.contains(e.field) && !first)
                first = &e;
        m_saveReason->setText(tr("Cannot save: %1 %2").arg(fieldLabel(first->field), first->message));
    } else if (m_busy)
        m_saveReason->setText(tr("Saving…"));
    else if (!modified)
        m_saveReason->setText(tr("No changes."));
    else
        m_saveReason->clear();
}

void TripEditor::setBusy(bool busy) {
    m_busy = busy;
    revalidate();
}

void TripEditor::showSaveError(const QString& message) {
    m_saveReason->setText(message);
}

} // namespace tp::ui
