// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/TripArchive.h"
#include "repo/TripRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractTableModel>

namespace tp {

// The signed-in user's trips as a table, newest first by default. Rows arrive
// in pages from the database thread (canFetchMore/fetchMore); a filter or sort
// change re-queries there; creates, edits and deletes made through the model
// are applied as single-row inserts, changes and removals.
class TripListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        DestinationColumn,
        DatesColumn,
        DurationColumn,
        BudgetColumn,
        TravellersColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, StatusValueRole, UpcomingRole };

    explicit TripListModel(DatabaseService* service, QObject* parent = nullptr);

    // Starts loading the user's trips (nothing is shown before).
    void setUserId(Id userId);
    Id userId() const { return m_userId; }

    // Shows `firstPage`, read elsewhere for this user, filter and order (the
    // window's start reads it with the user in one exchange); a filter or
    // order changed meanwhile queries again instead.
    void start(Id userId, const TripFilter& filter, const TripOrder& order, const TripPage& firstPage);

    void setFilter(const TripFilter& filter);
    const TripFilter& filter() const { return m_filter; }
    const TripOrder& order() const { return m_order; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // Loads the first page again (after a reconnect, or on request).
    void reload();

    // Trips matching the filter in the database (not only the loaded ones); -1 before the first answer.
    int totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }

    Trip tripAt(int row) const { return m_rows.at(row); }
    int rowOf(Id id) const;

    // Writes through the database thread; the view changes when the database has answered.
    using TripCallback = std::function<void(Result<Trip>)>;
    void createTrip(const Trip& draft, TripCallback done = {});
    void updateTrip(const Trip& trip, TripCallback done = {});
    // Deletes the trip and hands back everything the delete removed (its
    // conversation, recommendations, state and planning sessions), for undo.
    void removeTrip(Id id, std::function<void(Result<TripArchive>)> done = {});
    // Reads one trip again after something else changed it (the planner set
    // its status or destination); the row updates in place.
    void reloadTrip(Id id);
    // A row as another part of the app wrote it (a planner turn, a stage moved):
    // updated in place without a read; nothing happens when it is not loaded.
    void applyTrip(const Trip& trip) { applyUpdated(trip); }
    // Puts a removed trip back with its id (undo of a delete).
    void restoreTrip(const TripArchive& archive, TripCallback done = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString formatDates(const Trip& trip);
    static QString statusLabel(const QString& status);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(int total);
    void errorOccurred(const QString& message);
    // A trip changed through this model (the editor refreshes from it).
    void tripChanged(const tp::Trip& trip);

private:
    void query(bool reset);
    void setLoading(bool loading);
    void setTotal(int total);
    void applyInserted(const Trip& trip);
    void applyUpdated(const Trip& trip);
    void applyRemoved(Id id);
    int insertPosition(const Trip& trip) const;

    DatabaseService* m_service;
    Id m_userId = 0;
    TripFilter m_filter;
    TripOrder m_order;
    QList<Trip> m_rows;
    int m_total = -1;
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_fetching = false;
    quint64 m_generation = 0; // answers of an older query are ignored
};

} // namespace tp
