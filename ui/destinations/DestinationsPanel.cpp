// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationsPanel.h"

#include "main/ClearButton.h"

#include "DestinationCatalogue.h"
#include "DestinationDialog.h"
#include "DestinationTableModel.h"
#include "geo/FillCoordinates.h"
#include "geo/Gazetteer.h"
#include "geo/WorldData.h"
#include "main/Confirm.h"
#include "map/MapWidget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace tp::ui {

DestinationsPanel::DestinationsPanel(DatabaseService* service, app::DestinationCatalogue* catalogue,
                                     QWidget* parent)
    : QWidget(parent)
    , m_catalogue(catalogue)
    , m_model(new DestinationTableModel(service, this)) {
    setObjectName(u"destinationsPanel"_s);
    // The country outlines and the gazetteer load once, on first use (tens of
    // milliseconds): load them in the background so that the editor's
    // as-you-type coordinate check and the first map never do it on the GUI
    // thread. Not at once: on a two-core machine that thread slowed the
    // window's first frame (tests/bench/bench_startup), which needs neither.
    QTimer::singleShot(1500, this, [] {
        QThread* warmUp = QThread::create([] {
            geo::WorldData::instance();
            geo::Gazetteer::instance();
        });
        QObject::connect(warmUp, &QThread::finished, warmUp, &QObject::deleteLater);
        warmUp->start(QThread::LowPriority);
    });
    auto* outer = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"destinationSearch"_s);
    m_search->setAccessibleName(tr("Search destinations"));
    m_search->setPlaceholderText(tr("Search name, city, country, description…"));
    addClearButton(m_search);
    bar->addWidget(m_search, 1);
    auto* add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(u"addDestination"_s);
    m_edit = new QPushButton(tr("Ed&it…"), this);
    m_edit->setObjectName(u"editDestination"_s);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"deleteDestination"_s);
    bar->addWidget(add);
    bar->addWidget(m_edit);
    bar->addWidget(m_delete);
    m_fill = new QPushButton(tr("Fill &missing coordinates"), this);
    m_fill->setObjectName(u"fillCoordinates"_s);
    m_fill->setToolTip(tr("Place every destination without coordinates with the offline gazetteer"));
    bar->addWidget(m_fill);
    outer->addLayout(bar);
    m_table = new QTableView(this);
    m_table->setObjectName(u"destinationsTable"_s);
    m_table->setAccessibleName(tr("Destinations"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // No rows: instead of an empty grid, what to do about it.
    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    m_emptyHint = new QLabel(emptyPage);
    m_emptyHint->setObjectName(u"destinationsEmptyHint"_s);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setTextFormat(Qt::PlainText);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyHint);
    emptyLayout->addStretch();
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setObjectName(u"destinationsStack"_s);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(emptyPage);
    // The larger map view: every destination with coordinates, one selection
    // shared with the table (a click on a marker selects the row and back).
    m_map = new MapWidget(this);
    m_map->setObjectName(u"destinationsMap"_s);
    m_map->setAccessibleName(tr("Map of destinations"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"destinationsSplitter"_s);
    split->addWidget(m_tableStack);
    split->addWidget(m_map);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    outer->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(u"destinationsStatus"_s);
    m_status->setWordWrap(true);
    outer->addWidget(m_status);

    // Search when the user pauses typing, not on every key.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(add, &QPushButton::clicked, this, &DestinationsPanel::addDestination);
    connect(m_edit, &QPushButton::clicked, this, &DestinationsPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &DestinationsPanel::deleteSelected);
    connect(m_fill, &QPushButton::clicked, this, &DestinationsPanel::fillMissingCoordinates);
    connect(m_table, &QTableView::doubleClicked, this, &DestinationsPanel::editSelected);
    connect(m_model, &DestinationTableModel::errorOccurred, m_status, &QLabel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DestinationsPanel::onTableSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DestinationsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DestinationsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DestinationsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DestinationsPanel::updateActions);
    connect(m_model, &DestinationTableModel::loadingChanged, this, &DestinationsPanel::updateActions);
    connect(m_map, &MapWidget::destinationActivated, this, &DestinationsPanel::selectDestination);
    connect(this, &DestinationsPanel::catalogueChanged, this, &DestinationsPanel::reloadMap);
    // A row asked for before its page arrived is selected when it comes.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_pendingSelection != 0)
            selectDestination(m_pendingSelection);
    });
    updateActions();
}

int DestinationsPanel::selectedRow() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}) ? current.row()
                                                                                            : -1;
}

void DestinationsPanel::updateActions() {
    const bool selected = selectedRow() >= 0;
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    const bool empty = m_model->rowCount() == 0 && m_model->hasLoaded() && !m_model->isLoading();
    if (empty) {
        m_emptyHint->setText(
            m_model->searchText().isEmpty()
                ? tr("Your catalogue has no destinations yet.\n\nAdd one with Add… above, or "
                     "choose one of the planner's recommendations in a trip's conversation: "
                     "it joins the catalogue.")
                : tr("No destination matches “%1”.").arg(m_model->searchText()));
    }
    m_tableStack->setCurrentIndex(empty ? 1 : 0);
}

void DestinationsPanel::reloadMap() {
    m_catalogue->list(this, [this](Result<QList<Destination>> r) {
        if (!r.ok()) {
            m_status->setText(r.error().message);
            return;
        }
        m_all = r.value();
        m_map->setDestinations(m_all);
        Q_EMIT destinationsLoaded(m_all);
    });
}

void DestinationsPanel::onTableSelection() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_map->setSelectedDestination(m_model->destinationAt(current.row()).id);
}

void DestinationsPanel::selectDestination(Id id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_pendingSelection = id;
        if (!m_search->text().isEmpty())
            m_search->clear(); // the search hid it; the model reloads and rowsInserted retries
        else if (m_model->canFetchMore({}))
            m_model->fetchMore({});
        m_map->setSelectedDestination(id);
        return;
    }
    m_pendingSelection = 0;
    const QModelIndex index = m_model->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    m_map->setSelectedDestination(id);
}

void DestinationsPanel::noteNewDestination(const Destination& d) {
    for (const Destination& known : std::as_const(m_all))
        if (known.id == d.id)
            return;
    m_all.append(d);
    m_map->setDestinations(m_all);
    Q_EMIT destinationsLoaded(m_all);
    m_model->load(); // the table's page, in its order and search, with the new row
}

void DestinationsPanel::load() {
    m_model->load();
    reloadMap();
}

void DestinationsPanel::focusSearch() {
    m_search->setFocus();
    m_search->selectAll();
}

void DestinationsPanel::addDestination() {
    openDialog({});
}

void DestinationsPanel::editSelected() {
    const int row = selectedRow();
    if (row >= 0)
        openDialog(m_model->destinationAt(row));
}

void DestinationsPanel::setGeocoder(geo::GeocodingService* geocoder) {
    m_geocoder = geocoder;
}

void DestinationsPanel::openDialog(const Destination& d) {
    auto* dialog = new DestinationDialog(d, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(true);
    dialog->setGeocoder(m_geocoder);
    dialog->setMapContext(m_all);
    if (d.id && d.hasCoordinates()) {
        // Where the saved coordinates came from: read off the GUI thread, shown when it arrives.
        QPointer<DestinationDialog> target(dialog);
        m_catalogue->coordinateSourceOf(dialog, d, [target](Result<std::optional<CoordinateSource>> r) {
            if (target && r.ok())
                target->setSavedSource(r.value());
        });
    }
    // Accepting saves through the database thread; the dialog stays open with
    // the message when the database refuses (a duplicate name and country).
    disconnect(dialog->findChild<QDialogButtonBox*>(), &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(dialog->findChild<QDialogButtonBox*>(), &QDialogButtonBox::accepted, dialog, [this, dialog] {
        const Destination value = dialog->destination();
        auto done = [this, dialog](Result<Destination> r) {
            if (!r.ok()) {
                dialog->showError(r.error().message);
                return;
            }
            m_status->setText(tr("Saved %1, %2.").arg(r.value().name, r.value().country));
            Q_EMIT catalogueChanged();
            dialog->accept();
        };
        // The coordinates' source is written with them, in one transaction.
        DestinationTableModel::AlsoInTransaction source;
        if (dialog->coordinatesChanged()) {
            source = app::DestinationCatalogue::coordinateSourceWriter(dialog->coordinateOrigin(),
                                                                       dialog->coordinateDetail());
        }
        if (value.id)
            m_model->updateDestination(value, done, source);
        else
            m_model->createDestination(value, done, source);
    });
    dialog->show();
}

void DestinationsPanel::fillMissingCoordinates() {
    m_fill->setEnabled(false);
    m_status->setText(tr("Looking up destinations without coordinates…"));
    m_catalogue->fillMissingCoordinates(this, [this](Result<geo::FillReport> r) {
        m_fill->setEnabled(true);
        if (!r.ok()) {
            m_status->setText(r.error().message);
            return;
        }
        const geo::FillReport& report = r.value();
        if (report.destinations == 0) {
            m_status->setText(tr("The catalogue is empty: there is nothing to fill in. Add destinations "
                                 "first (Add…)."));
            return;
        }
        if (report.missing == 0) {
            m_status->setText(tr("Every destination already has coordinates."));
            return;
        }
        m_status->setText(tr("%1 of %2 destinations placed; %3 not found.")
                              .arg(report.placed)
                              .arg(report.missing)
                              .arg(report.missing - report.placed));
        m_model->load();
        Q_EMIT catalogueChanged();
    });
}

void DestinationsPanel::deleteSelected() {
    const int row = selectedRow();
    if (row < 0)
        return;
    const Destination d = m_model->destinationAt(row);
    m_catalogue->tripsUsing(this, d.id, [this, d](Result<int> r) {
        if (!r.ok()) {
            m_status->setText(r.error().message);
            return;
        }
        const int n = r.value();
        const QString text =
            n == 0 ? tr("Delete %1, %2 from the catalogue?").arg(d.name, d.country)
                   : tr("Delete %1, %2 from the catalogue? %n trips will lose this destination.", nullptr, n)
                         .arg(d.name, d.country);
        if (!Confirm::ask(this, tr("Delete destination"), text, tr("Delete")))
            return;
        m_model->removeDestination(d.id, [this, d](Result<void> r2) {
            m_status->setText(r2.ok() ? tr("Deleted %1, %2.").arg(d.name, d.country) : r2.error().message);
            if (r2.ok())
                Q_EMIT catalogueChanged();
        });
    });
}

} // namespace tp::ui
