// SPDX-License-Identifier: GPL-3.0-or-later
// tp::Decimal: the exact fixed-point type behind money and coordinates.
#include "TestBackends.h"
#include "domain/Decimal.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

class TestDecimal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseValid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("precision");
        QTest::addColumn<int>("scale");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("integer") << u"1234"_s << 10 << 2 << qint64(123400) << u"1234.00"_s;
        QTest::newRow("one decimal") << u"-12.5"_s << 10 << 2 << qint64(-1250) << u"-12.50"_s;
        QTest::newRow("full scale") << u"0.123456"_s << 9 << 6 << qint64(123456) << u"0.123456"_s;
        QTest::newRow("leading zeros") << u"0000012.30"_s << 10 << 2 << qint64(1230) << u"12.30"_s;
        QTest::newRow("leading zeros count no digits")
            << u"000000000099999999.99"_s << 10 << 2 << qint64(9999999999) << u"99999999.99"_s;
        QTest::newRow("max money") << u"99999999.99"_s << 10 << 2 << qint64(9999999999) << u"99999999.99"_s;
        QTest::newRow("zero") << u"0"_s << 10 << 2 << qint64(0) << u"0.00"_s;
        QTest::newRow("negative zero") << u"-0.00"_s << 10 << 2 << qint64(0) << u"0.00"_s;
        QTest::newRow("plus sign") << u"+7.1"_s << 10 << 2 << qint64(710) << u"7.10"_s;
        QTest::newRow("no integer part") << u".5"_s << 10 << 2 << qint64(50) << u"0.50"_s;
        QTest::newRow("trailing dot") << u"5."_s << 10 << 2 << qint64(500) << u"5.00"_s;
        QTest::newRow("surrounding spaces") << u"  42.01 \t"_s << 10 << 2 << qint64(4201) << u"42.01"_s;
        QTest::newRow("scale zero") << u"15"_s << 5 << 0 << qint64(15) << u"15"_s;
        QTest::newRow("small negative") << u"-0.000001"_s << 9 << 6 << qint64(-1) << u"-0.000001"_s;
        QTest::newRow("latitude min") << u"-90.000000"_s << 9 << 6 << qint64(-90000000) << u"-90.000000"_s;
        QTest::newRow("precision 18")
            << u"123456789012.345678"_s << 18 << 6 << qint64(123456789012345678) << u"123456789012.345678"_s;
    }
    void parseValid() {
        QFETCH(QString, text);
        QFETCH(int, precision);
        QFETCH(int, scale);
        QFETCH(qint64, units);
        QFETCH(QString, canonical);
        QString error;
        const auto d = Decimal::parse(text, precision, scale, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        QCOMPARE(d->units(), units);
        QCOMPARE(d->scale(), scale);
        QCOMPARE(d->toString(), canonical);
        QVERIFY(error.isEmpty());
        // The canonical text parses back to the same value.
        QCOMPARE(Decimal::parse(d->toString(), precision, scale), d);
    }

    void parseInvalid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("precision");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("empty") << QString() << 10 << 2 << u"not a number"_s;
        QTest::newRow("blank") << u"   "_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("sign only") << u"-"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("dot only") << u"."_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("sign and dot") << u"-."_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("letters") << u"abc"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("trailing garbage") << u"12abc"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("two dots") << u"1.2.3"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("double sign") << u"--5"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("plus minus") << u"+-5"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("exponent") << u"1e5"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("comma decimal") << u"12,50"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("grouping") << u"1,000.00"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("inner space") << u"1 000"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("currency") << u"$12"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("nan") << u"NaN"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("infinity") << u"inf"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("hex") << u"0x10"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("fullwidth digits") << u"\uFF11\uFF12"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("superscript two") << u"\u00B2"_s << 10 << 2 << u"not a number"_s;
        QTest::newRow("NUL inside") << QString(u"1\u00002"_s) << 10 << 2 << u"not a number"_s;
        QTest::newRow("three decimals") << u"1.234"_s << 10 << 2 << u"more than 2 decimals"_s;
        QTest::newRow("trailing zero past scale") << u"1.230"_s << 10 << 2 << u"more than 2 decimals"_s;
        QTest::newRow("seven coordinate decimals") << u"1.0000001"_s << 9 << 6 << u"more than 6 decimals"_s;
        QTest::newRow("decimals with scale 0") << u"1.5"_s << 5 << 0 << u"whole number"_s;
        QTest::newRow("too many digits") << u"100000000.00"_s << 10 << 2 << u"too large"_s;
        QTest::newRow("too many negative digits") << u"-100000000"_s << 10 << 2 << u"too large"_s;
        QTest::newRow("huge") << u"99999999999999999999999999"_s << 10 << 2 << u"too large"_s;
        QTest::newRow("daily cost too large") << u"1000000"_s << 8 << 2 << u"too large"_s;
        QTest::newRow("coordinate too large") << u"1000"_s << 9 << 6 << u"too large"_s;
    }
    void parseInvalid() {
        QFETCH(QString, text);
        QFETCH(int, precision);
        QFETCH(int, scale);
        QFETCH(QString, messagePart);
        QString error;
        const auto d = Decimal::parse(text, precision, scale, &error);
        QVERIFY2(!d.has_value(), qPrintable(u"parsed as "_s + (d ? d->toString() : QString())));
        QVERIFY2(error.contains(messagePart), qPrintable(error));
        // No error pointer given: must not crash and still fail.
        QVERIFY(!Decimal::parse(text, precision, scale).has_value());
    }

    void fromVariant_data() {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<int>("precision");
        QTest::addColumn<int>("scale");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("padded by the server") << QVariant(u"12.300000"_s) << 10 << 2 << true << u"12.30"_s;
        QTest::newRow("exact scale") << QVariant(u"12.30"_s) << 10 << 2 << true << u"12.30"_s;
        QTest::newRow("padded zero") << QVariant(u"0.000000"_s) << 10 << 2 << true << u"0.00"_s;
        QTest::newRow("padded negative") << QVariant(u"-8.506900"_s) << 9 << 6 << true << u"-8.506900"_s;
        QTest::newRow("padded whole") << QVariant(u"5.000"_s) << 10 << 2 << true << u"5.00"_s;
        QTest::newRow("no dot") << QVariant(u"120"_s) << 8 << 2 << true << u"120.00"_s;
        QTest::newRow("integer variant") << QVariant(qint64(42)) << 10 << 2 << true << u"42.00"_s;
        QTest::newRow("int variant") << QVariant(int(-3)) << 10 << 2 << true << u"-3.00"_s;
        QTest::newRow("spaces") << QVariant(u" 1.50 "_s) << 10 << 2 << true << u"1.50"_s;
        QTest::newRow("real decimals past scale")
            << QVariant(u"12.345000"_s) << 10 << 2 << false << QString();
        QTest::newRow("garbage") << QVariant(u"twelve"_s) << 10 << 2 << false << QString();
        QTest::newRow("too large") << QVariant(u"123456789.000"_s) << 10 << 2 << false << QString();
        QTest::newRow("null") << QVariant(QMetaType::fromType<QString>()) << 10 << 2 << false << QString();
        QTest::newRow("invalid variant") << QVariant() << 10 << 2 << false << QString();
    }
    void fromVariant() {
        QFETCH(QVariant, value);
        QFETCH(int, precision);
        QFETCH(int, scale);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        const auto d = Decimal::fromVariant(value, precision, scale);
        QCOMPARE(d.has_value(), valid);
        if (valid) {
            QCOMPARE(d->toString(), canonical);
            QCOMPARE(d->scale(), scale);
        }
    }

    void fromUnitsAndToString() {
        QCOMPARE(Decimal::fromUnits(5, 2).toString(), u"0.05"_s);
        QCOMPARE(Decimal::fromUnits(-5, 2).toString(), u"-0.05"_s);
        QCOMPARE(Decimal::fromUnits(-105, 2).toString(), u"-1.05"_s);
        QCOMPARE(Decimal::fromUnits(0, 6).toString(), u"0.000000"_s);
        QCOMPARE(Decimal::fromUnits(7, 0).toString(), u"7"_s);
        QCOMPARE(Decimal().toString(), u"0"_s);
        // The extremes of qint64 must not overflow the sign handling.
        QCOMPARE(Decimal::fromUnits(std::numeric_limits<qint64>::min(), 2).toString(),
                 u"-92233720368547758.08"_s);
        QCOMPARE(Decimal::fromUnits(std::numeric_limits<qint64>::max(), 2).toString(),
                 u"92233720368547758.07"_s);
        QVERIFY(Decimal::fromUnits(-1, 2).isNegative());
        QVERIFY(!Decimal::fromUnits(0, 2).isNegative());
        QCOMPARE(Decimal::fromUnits(-850690, 5).toDouble(), -8.5069);
    }

    void compare() {
        const auto a = *Decimal::parse(u"10.50", 10, 2);
        const auto b = *Decimal::parse(u"10.49", 10, 2);
        const auto c = *Decimal::parse(u"-10.50", 10, 2);
        QVERIFY(a > b);
        QVERIFY(b < a);
        QVERIFY(c < b);
        QVERIFY(a == *Decimal::parse(u"0010.5", 10, 2));
        QVERIFY(a != b);
        QVERIFY((a <=> a) == std::strong_ordering::equal);
        // Different scales compare by value.
        const auto a1 = *Decimal::parse(u"10.5", 10, 1);
        const auto lat = *Decimal::parse(u"10.500001", 9, 6);
        QVERIFY((a <=> a1) == std::strong_ordering::equal);
        QVERIFY(lat > a);
        QVERIFY(a < lat);
        QVERIFY(*Decimal::parse(u"-0.000001", 9, 6) < *Decimal::parse(u"0", 10, 2));
        // The money limit is exact: no float rounding anywhere.
        const auto max = *Decimal::parse(u"99999999.99", 10, 2);
        const auto almost = *Decimal::parse(u"99999999.98", 10, 2);
        QVERIFY(almost < max);
        QCOMPARE(max.units() - almost.units(), qint64(1));
    }

    // == and <=> must agree: two values that order as equal are equal. A
    // defaulted operator== also compares the scale, so 10.5 (scale 1) and
    // 10.50 (scale 2) are "equivalent" by <=> but unequal by ==.
    void compare_equalityConsistentWithOrdering() {
        const auto a = *Decimal::parse(u"10.50", 10, 2);
        const auto a1 = *Decimal::parse(u"10.5", 10, 1);
        QVERIFY((a <=> a1) == 0);
        QVERIFY2(a == a1,
                 "Decimal: a <=> b says equal but a == b is false (scale compared by the defaulted ==)");
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
