// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/DestinationRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractTableModel>

namespace tp {

// The destination catalogue, by name then country, loaded in pages; a search
// text re-queries the database's search (name, city, country, description).
class DestinationTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        CityColumn,
        CountryColumn,
        BestTimeColumn,
        CostColumn,
        CoordinatesColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit DestinationTableModel(DatabaseService* service, QObject* parent = nullptr);

    void load(); // the first page (or the search results)
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    bool isLoading() const { return m_loading; }
    // Whether a load (or search) has answered: before that, no rows means "not yet".
    bool hasLoaded() const { return m_loaded; }

    Destination destinationAt(int row) const { return m_rows.at(row); }
    int rowOf(Id id) const;

    using Callback = std::function<void(Result<Destination>)>;
    // Runs in the same transaction, after the row is written (on the database thread).
    using AlsoInTransaction = std::function<void(Database&, const Destination&)>;
    void createDestination(const Destination& draft, Callback done = {}, AlsoInTransaction also = {});
    void updateDestination(const Destination& destination, Callback done = {}, AlsoInTransaction also = {});
    void removeDestination(Id id, std::function<void(Result<void>)> done = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString& message);

private:
    void setLoading(bool loading);
    void applyInserted(const Destination& d);

    DatabaseService* m_service;
    QString m_search;
    QList<Destination> m_rows;
    bool m_atEnd = true;
    std::optional<Destination> m_lastFetched; // the last row of the last page read
    bool m_loading = false;
    bool m_loaded = false;
    int m_pageSize = 500;
    quint64 m_generation = 0;
};

} // namespace tp
