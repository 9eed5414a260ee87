// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tp {

// The seed's tables and their columns, under the names Django gave them. Used
// to check a database made by the Django app before adopting it, and by the
// tests that compare a database this app created with the seed column for column.
struct SeedTable {
    QString name;
    QStringList columns;
};

const QList<SeedTable>& seedTables();

} // namespace tp
