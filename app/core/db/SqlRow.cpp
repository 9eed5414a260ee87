// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlRow.h"

namespace tp {

const QString& SqlRow::fieldName(int index) const {
    static const QString none;
    if (!m_columns || index < 0 || index >= m_columns->size())
        return none;
    return (*m_columns)[index];
}

int SqlRow::indexOf(QStringView name) const {
    if (!m_columns)
        return -1;
    for (qsizetype i = 0; i < m_columns->size(); ++i)
        if (m_columns->at(i) == name)
            return int(i);
    for (qsizetype i = 0; i < m_columns->size(); ++i)
        if (m_columns->at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

} // namespace tp
