#include "TripEditor.h"

#include "domain/Stages.h"
#include "domain/Validation.h"
#include "style/ErrorText.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

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
    addField(u"destination"_s, tr("D&estination"), m_destination);

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
    datesBox->addWidget(errorLabel(u"start_date"_s));
    datesBox->addWidget(errorLabel(u"end_date"_s));
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
    addField(u"travelers_count"_s, tr("T&ravellers"), m_travellers);

    // The status progression as a stepper, "cancelled" aside.
    auto* stepper = new QWidget(this);
    stepper->setObjectName(u"statusStepper"_s);
    // Three rows, so that the editor leaves the trips table room on a 1366-pixel screen.
    auto* stepRows = new QVBoxLayout(stepper);
    stepRows->setContentsMargins(0, 0, 0, 0);
    stepRows->setSpacing(2);
    auto* stepRow = new QHBoxLayout;
    stepRow->setSpacing(2);
    stepRows->addLayout(stepRow);
    m_statusGroup = new QButtonGroup(this);
    m_statusGroup->setExclusive(true);
    int i = 0;
    for (const Choice& c : trip_status::all) {
        const QString value = QString::fromUtf16(c.value);
        auto* b = new QToolButton(stepper);
        b->setCheckable(true);
        b->setAutoRaise(false);
        b->setObjectName(u"status_"_s + value);
        b->setText(value == u"cancelled"
                       ? QCoreApplication::translate("Stages", c.label)
                       : tr("%1. %2").arg(i + 1).arg(QCoreApplication::translate("Stages", c.label)));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAccessibleName(tr("Status: %1").arg(QCoreApplication::translate("Stages", c.label)));
        b->setProperty("statusValue", value);
        if (i == 4 || i == 8) { // three short rows keep the editor narrow enough to leave the table room
            stepRow->addStretch();
            stepRow = new QHBoxLayout;
            stepRow->setSpacing(2);
            stepRows->addLayout(stepRow);
        }
        if (value == u"cancelled") {
            stepRow->addStretch();
            stepRow->addSpacing(12);
        } else if (i > 0) {
            auto* arrow = new QLabel(u"›"_s, stepper);
            stepRow->addWidget(arrow);
        }
        stepRow->addWidget(b);
        m_statusGroup->addButton(b, i);
        ++i;
    }
    auto* statusBox = new QVBoxLayout;
    statusBox->addWidget(stepper);
    statusBox->addWidget(errorLabel(u"status"_s));
    form->addRow(tr("Status"), statusBox);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    addField(u"description"_s, tr("Descr&iption"), m_description);
    outer->addLayout(form, 1);

    auto* buttons = new QHBoxLayout;
    m_saveReason = new QLabel(this);
    m_saveReason->setObjectName(u"saveReason"_s);
    m_saveReason->setWordWrap(true);
    m_saveReason->setStyleSheet(u"color: palette(mid);"_s);
    buttons->addWidget(m_saveReason, 1);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(u"revert"_s);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"save"_s);
    m_save->setDefault(true);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    outer->addLayout(buttons);

    for (QLineEdit* e : {m_title, m_start, m_end, m_budget})
        connect(e, &QLineEdit::textChanged, this, &TripEditor::revalidate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &TripEditor::revalidate);
    connect(m_travellers, &QSpinBox::valueChanged, this, &TripEditor::revalidate);
    connect(m_destination, &QComboBox::currentIndexChanged, this, &TripEditor::revalidate);
    connect(m_statusGroup, &QButtonGroup::idClicked, this, &TripEditor::revalidate);
    connect(m_revert, &QPushButton::clicked, this, [this] { setTrip(m_trip); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        revalidate();
        if (m_errors.isEmpty() && !m_busy)
            Q_EMIT saveRequested(currentTrip());
    });
    startNew();
}

QLabel* TripEditor::errorLabel(const QString& field) {
    auto* l = new QLabel(this);
    l->setObjectName(u"error_"_s + field);
    setErrorText(l);
    l->setWordWrap(true);
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

void TripEditor::setStatus(const QString& status) {
    const int i = choiceIndex(trip_status::all, status);
    if (QAbstractButton* b = m_statusGroup->button(i < 0 ? 0 : i))
        b->setChecked(true);
}

QString TripEditor::status() const {
    const int i = m_statusGroup->checkedId();
    return i < 0 ? u"planning"_s : QString::fromUtf16(trip_status::all[i].value);
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

    for (auto it = m_errorLabels.begin(); it != m_errorLabels.end(); ++it) {
        QStringList texts;
        for (const FieldError& e : std::as_const(errors))
            if (e.field == it.key())
                texts << tr("%1 %2").arg(fieldLabel(e.field), e.message);
        it.value()->setText(texts.join(u'\n'));
        it.value()->setVisible(!texts.isEmpty());
    }

    // Computed properties, as the seed has them.
    QStringList info;
    if (auto d = t.durationDays())
        info << (*d == 1 ? tr("1 day") : tr("%n days", nullptr, *d));
    if (t.startDate.isValid())
        info << (t.isFutureTrip() ? tr("upcoming") : tr("past or under way"));
    m_computed->setText(info.join(u" · "_s));

    const bool modified = isModified() || isNew();
    m_save->setEnabled(errors.isEmpty() && modified && !m_busy);
    m_revert->setEnabled(modified && !isNew() && !m_busy);
    if (!errors.isEmpty())
        m_saveReason->setText(
            tr("Cannot save: %1 %2").arg(fieldLabel(errors.first().field), errors.first().message));
    else if (m_busy)
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
