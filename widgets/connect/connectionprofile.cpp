#include "connect/connectionprofile.h"

#include "engines/engine.h"

#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace dbt::gui {

namespace {

// libpq keyword values: quoted when empty or containing spaces, quotes or backslashes.
QString keywordValue(const QString& value) {
    static const QRegularExpression plain(QStringLiteral("^[^\\s'\\\\]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool isUri(const QString& target) {
    return target.contains(QStringLiteral("://"));
}

} // namespace

QString ConnectionProfile::target() const {
    if (useUri)
        return splitPassword(uri.trimmed()).target;
    if (engine == Engine::PostgreSQL) {
        QStringList parts;
        auto add = [&parts](const char* key, const QString& value) {
            if (!value.trimmed().isEmpty())
                parts << QLatin1String(key) + QLatin1Char('=') + keywordValue(value.trimmed());
        };
        add("host", host);
        add("port", port);
        add("dbname", database);
        add("user", user);
        add("sslmode", sslMode);
        add("sslrootcert", sslRootCert);
        return parts.join(QLatin1Char(' '));
    }
    QUrl url;
    url.setScheme(engine == Engine::MariaDB ? QStringLiteral("mariadb") : QStringLiteral("mysql"));
    url.setHost(host.trimmed().isEmpty() ? QStringLiteral("localhost") : host.trimmed());
    if (!port.trimmed().isEmpty())
        url.setPort(port.trimmed().toInt());
    if (!user.trimmed().isEmpty())
        url.setUserName(user.trimmed());
    if (!database.trimmed().isEmpty())
        url.setPath(QLatin1Char('/') + database.trimmed());
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("ssl-mode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("ssl-ca"), sslRootCert);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString targetWithPassword(const QString& target, const QString& password) {
    if (password.isEmpty())
        return target;
    if (isUri(target)) {
        // scheme://[user[:old]@]host…: the password percent-encoded (every reserved
        // character, so that no driver's URI parser can split it).
        const qsizetype start = target.indexOf(QStringLiteral("://")) + 3;
        qsizetype end = target.size();
        for (QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
            const qsizetype i = target.indexOf(c, start);
            if (i >= 0)
                end = std::min(end, i);
        }
        const QString authority = target.mid(start, end - start);
        const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
        const QString user =
            at < 0 ? QString() : authority.left(at).section(QLatin1Char(':'), 0, 0);
        const QString host = at < 0 ? authority : authority.mid(at + 1);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
        return target.left(start) + user + QLatin1Char(':') + encoded + QLatin1Char('@') + host +
               target.mid(end);
    }
    return target + QStringLiteral(" password=") + keywordValue(password);
}

SplitTarget splitPassword(const QString& target) {
    SplitTarget out{target, {}};
    if (isUri(target)) {
        QUrl url(target, QUrl::StrictMode);
        if (!url.isValid())
            return out;
        out.password = url.password(QUrl::FullyDecoded);
        url.setPassword(QString());
        QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("password"))) {
            if (out.password.isEmpty())
                out.password = query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
            query.removeAllQueryItems(QStringLiteral("password"));
            url.setQuery(query);
        }
        out.target = url.toString(QUrl::FullyEncoded);
        return out;
    }
    // Keyword string: password = 'quoted \' value' or password=plain
    static const QRegularExpression re(
        QStringLiteral("(^|\\s)password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)"));
    const QRegularExpressionMatch m = re.match(target);
    if (!m.hasMatch())
        return out;
    QString value = m.captured(2);
    if (value.startsWith(QLatin1Char('\''))) {
        value = value.mid(1, value.size() - 2);
        value.replace(QStringLiteral("\\'"), QStringLiteral("'"));
        value.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    }
    out.password = value;
    QString rest = target;
    rest.remove(m.capturedStart(0), m.capturedLength(0));
    out.target = rest.simplified();
    return out;
}

QString displayTarget(const QString& target) {
    return QString::fromStdString(describeTarget(target.toStdString()));
}

ProfileStore::ProfileStore(QSettings& settings)
    : settings_(settings) {}

QList<ConnectionProfile> ProfileStore::profiles() const {
    QList<ConnectionProfile> out;
    const int n = settings_.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        settings_.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings_.value(QStringLiteral("name")).toString();
        p.engine =
            engineFromName(settings_.value(QStringLiteral("engine")).toString().toStdString())
                .value_or(Engine::PostgreSQL);
        p.useUri = settings_.value(QStringLiteral("useUri")).toBool();
        p.uri = settings_.value(QStringLiteral("uri")).toString();
        p.host = settings_.value(QStringLiteral("host")).toString();
        p.port = settings_.value(QStringLiteral("port")).toString();
        p.database = settings_.value(QStringLiteral("database")).toString();
        p.user = settings_.value(QStringLiteral("user")).toString();
        p.sslMode = settings_.value(QStringLiteral("sslmode")).toString();
        p.sslRootCert = settings_.value(QStringLiteral("sslrootcert")).toString();
        p.intervalMs = settings_.value(QStringLiteral("intervalMs"), 2000).toInt();
        p.rememberPassword = settings_.value(QStringLiteral("keyring")).toBool();
        if (!p.name.isEmpty())
            out << p;
    }
    settings_.endArray();
    return out;
}

void ProfileStore::writeProfiles(const QList<ConnectionProfile>& profiles) {
    settings_.remove(QStringLiteral("profiles"));
    settings_.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile& p = profiles[i];
        settings_.setArrayIndex(i);
        settings_.setValue(QStringLiteral("name"), p.name);
        settings_.setValue(QStringLiteral("engine"), QLatin1String(engineName(p.engine)));
        settings_.setValue(QStringLiteral("useUri"), p.useUri);
        // Never a password: strip one the user may have typed into the URI.
        settings_.setValue(QStringLiteral("uri"), splitPassword(p.uri).target);
        settings_.setValue(QStringLiteral("host"), p.host);
        settings_.setValue(QStringLiteral("port"), p.port);
        settings_.setValue(QStringLiteral("database"), p.database);
        settings_.setValue(QStringLiteral("user"), p.user);
        settings_.setValue(QStringLiteral("sslmode"), p.sslMode);
        settings_.setValue(QStringLiteral("sslrootcert"), p.sslRootCert);
        settings_.setValue(QStringLiteral("intervalMs"), p.intervalMs);
        settings_.setValue(QStringLiteral("keyring"), p.rememberPassword);
    }
    settings_.endArray();
}

void ProfileStore::saveProfile(const ConnectionProfile& profile) {
    QList<ConnectionProfile> all = profiles();
    bool replaced = false;
    for (ConnectionProfile& p : all) {
        if (p.name == profile.name) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        all << profile;
    writeProfiles(all);
}

void ProfileStore::removeProfile(const QString& name) {
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&name](const ConnectionProfile& p) { return p.name == name; });
    writeProfiles(all);
}

QStringList ProfileStore::recent() const {
    return settings_.value(QStringLiteral("recent")).toStringList();
}

void ProfileStore::addRecent(const QString& target) {
    const QString clean = splitPassword(target).target;
    if (clean.trimmed().isEmpty())
        return;
    QStringList list = recent();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    settings_.setValue(QStringLiteral("recent"), list);
}

} // namespace dbt::gui
