// SPDX-License-Identifier: GPL-3.0-or-later
#include "Currency.h"

#include <QSet>
#include <QStringList>

namespace tp::plan {

bool isIsoCurrency(const QString& code) {
    // The 181 codes of ISO 4217 as of iso-codes 4.15 (Debian 12), sorted.
    static const QSet<QString> codes = [] {
        QSet<QString> s;
        for (const QString& c :
             QStringLiteral(
                 "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD "
                 "BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP "
                 "DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS "
                 "INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD "
                 "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR "
                 "PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS "
                 "SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW "
                 "UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA "
                 "XXX YER ZAR ZMW ZWL")
                 .split(u' '))
            s.insert(c);
        return s;
    }();
    return code.size() == 3 && codes.contains(code);
}

} // namespace tp::plan
