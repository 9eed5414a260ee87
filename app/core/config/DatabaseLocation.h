// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"
#include "db/DatabaseUrl.h"

#include <QString>

// Where the database is: the one rule shared by the GUI and the CLI.
namespace tp {

// A URL as pasted from the Neon console, split into what may be stored in the
// settings (the URL without its password) and what goes to the keychain.
// Throws Error(Kind::Config) when the text is not a PostgreSQL URL; the
// message never repeats the text.
struct UrlAndPassword {
    QString url;      // postgresql://user@host:port/db?sslmode=require
    QString password; // empty when the URL carried none
};
UrlAndPassword splitPasswordFromUrl(const QString& text);

struct SecretResult;

struct ResolvedDatabaseUrl {
    enum class Source { CommandLine, Environment, Settings, Default };
    DatabaseUrl url; // with the password filled in (keep it in memory only)
    Source source = Source::Default;
    QString note; // a remark for the user, e.g. "no password is stored in the keychain"
    // The settings' PostgreSQL URL, resolved without reading its password
    // (KeychainPassword::Skip): the password belongs in the keychain.
    bool passwordPending = false;
};
QString
sourceName(ResolvedDatabaseUrl::Source source); // "--database-url", "DATABASE_URL", "settings", "default"

// Whether resolveDatabaseUrl reads the settings' database password from the keychain.
enum class KeychainPassword {
    Read, // synchronously (SecretStore::read): the CLI, worker threads
    Skip, // not at all: url.password stays empty and passwordPending says whether one belongs there
};

// Precedence: commandLineUrl (--database-url) > the DATABASE_URL environment
// variable > the profile's settings (a PostgreSQL URL with its password read
// from the keychain, or the embedded file override) > defaultDatabaseFile().
// Throws Error(Kind::Config) for a malformed URL. With KeychainPassword::Read
// it reads the keychain synchronously, which the GUI thread must not do: the
// GUI resolves with Skip and, when passwordPending, reads the password with
// SecretStore::readAsync and hands the answer to applyKeychainPassword.
ResolvedDatabaseUrl resolveDatabaseUrl(const QString& commandLineUrl = {},
                                       const QString& profile = QString::fromLatin1(Settings::DefaultProfile),
                                       KeychainPassword password = KeychainPassword::Read);

// The keychain's answer for the database password: filled into r.url, or
// said in r.note ("No database password is stored in the keychain…").
void applyKeychainPassword(ResolvedDatabaseUrl& r, const SecretResult& secret, const QString& profile);

// Copies an embedded database file (with its -wal and -shm companions) to
// `target`, safely: every connection to it must be closed first; the copy is
// written under a temporary name, checked with PRAGMA integrity_check and then
// renamed. The source is left in place. Throws Error(Kind::Config) on failure
// (the target is then left untouched).
void copyEmbeddedDatabase(const QString& source, const QString& target);

} // namespace tp
