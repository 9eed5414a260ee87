// SPDX-License-Identifier: GPL-3.0-or-later
#include "Decimal.h"

#include <QCoreApplication>

#include <limits>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
qint64 pow10(int n) {
    qint64 v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}
} // namespace

std::optional<Decimal> Decimal::parse(QStringView text, int precision, int scale, QString* error) {
    Q_ASSERT(precision > 0 && precision <= 18 && scale >= 0 && scale <= precision);
    QStringView t = text.trimmed();
    bool negative = false;
    if (t.startsWith(u'-') || t.startsWith(u'+')) {
        negative = t.front() == u'-';
        t = t.mid(1);
    }
    if (t.isEmpty()) {
        fail(error, QCoreApplication::translate("tp::Validation", "is not a number"));
        return std::nullopt;
    }
    const qsizetype dot = t.indexOf(u'.');
    QStringView intPart = dot < 0 ? t : t.left(dot);
    QStringView fracPart = dot < 0 ? QStringView() : t.mid(dot + 1);
    if (intPart.isEmpty() && fracPart.isEmpty()) {
        fail(error, QCoreApplication::translate("tp::Validation", "is not a number"));
        return std::nullopt;
    }
    for (QStringView part : {intPart, fracPart}) {
        for (QChar c : part) {
            if (c < u'0' || c > u'9') {
                fail(error, QCoreApplication::translate(
                                "tp::Validation", "is not a number (use digits and a '.' decimal point)"));
                return std::nullopt;
            }
        }
    }
    while (intPart.size() > 1 && intPart.front() == u'0')
        intPart = intPart.mid(1);
    if (fracPart.size() > scale) {
        fail(error,
             scale == 0
                 ? QCoreApplication::translate("tp::Validation", "must be a whole number")
                 : QCoreApplication::translate("tp::Validation", "has more than %1 decimals").arg(scale));
        return std::nullopt;
    }
    const int intDigits = (intPart.isEmpty() || intPart == u"0") ? 0 : int(intPart.size());
    if (intDigits > precision - scale) {
        fail(error, QCoreApplication::translate("tp::Validation",
                                                "is too large (at most %1 digits before the decimal point)")
                        .arg(precision - scale));
        return std::nullopt;
    }
    qint64 units = 0;
    for (QChar c : intPart)
        units = units * 10 + (c.unicode() - u'0');
    for (int i = 0; i < scale; ++i)
        units = units * 10 + (i < fracPart.size() ? fracPart[i].unicode() - u'0' : 0);
    Decimal d;
    d.m_units = negative ? -units : units;
    d.m_scale = scale;
    return d;
}

std::optional<Decimal> Decimal::fromVariant(const QVariant& value, int precision, int scale) {
    if (value.isNull())
        return std::nullopt;
    if (value.metaType().id() == QMetaType::LongLong || value.metaType().id() == QMetaType::Int)
        return fromUnits(value.toLongLong() * pow10(scale), scale);
    QString text = value.toString().trimmed();
    // The database may pad to its own scale ("12.300000"): drop zeros past ours.
    const qsizetype dot = text.indexOf(u'.');
    if (dot >= 0) {
        while (text.size() - dot - 1 > scale && text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return parse(text, precision, scale);
}

Decimal Decimal::fromUnits(qint64 units, int scale) {
    Decimal d;
    d.m_units = units;
    d.m_scale = scale;
    return d;
}

QString Decimal::toString() const {
    const qint64 p = pow10(m_scale);
    const quint64 abs = m_units < 0 ? quint64(-(m_units + 1)) + 1 : quint64(m_units);
    QString s = QString::number(abs / quint64(p));
    if (m_scale > 0)
        s += u'.' + QString::number(abs % quint64(p)).rightJustified(m_scale, u'0');
    return m_units < 0 ? u'-' + s : s;
}

double Decimal::toDouble() const {
    return double(m_units) / double(pow10(m_scale));
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.m_scale == b.m_scale)
        return a.m_units <=> b.m_units;
    // Bring both to the larger scale; the shapes used here cannot overflow.
    const int s = std::max(a.m_scale, b.m_scale);
    return a.m_units * pow10(s - a.m_scale) <=> b.m_units * pow10(s - b.m_scale);
}

} // namespace tp
