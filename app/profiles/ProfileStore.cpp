#include "profiles/ProfileStore.h"

#include "profiles/ProfileMetaTypes.h"

#include <QLockFile>

#include <algorithm>

#include "core/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSettings>

namespace vigia {

namespace {

const QString kArray = QStringLiteral("profiles");

Profile readProfile(const QSettings &s)
{
    Profile p;
    p.name = s.value(QStringLiteral("name")).toString();
    p.host = s.value(QStringLiteral("host")).toString();
    const uint port = s.value(QStringLiteral("port"), 22).toUInt();
    p.port = (port >= 1 && port <= 65535) ? quint16(port) : quint16(22);
    p.user = s.value(QStringLiteral("user")).toString();
    p.keyFile = s.value(QStringLiteral("keyFile")).toString();
    p.kubectlOverride = s.value(QStringLiteral("kubectlOverride")).toString();
    if (s.contains(QStringLiteral("ramBudgetBytes"))) {
        bool ok = false;
        const qint64 v = s.value(QStringLiteral("ramBudgetBytes")).toLongLong(&ok);
        if (ok && v > 0)
            p.ramBudgetBytes = v;
    }
    p.readOnly = s.value(QStringLiteral("readOnly"), false).toBool();
    p.knownHostsPath = s.value(QStringLiteral("knownHostsPath")).toString();
    p.requireTypedName = s.value(QStringLiteral("requireTypedName"), false).toBool();
    p.appointmentsDbPath = s.value(QStringLiteral("appointmentsDbPath")).toString();
    p.quotesDbPath = s.value(QStringLiteral("quotesDbPath")).toString();
    p.allowDbSudo = s.value(QStringLiteral("allowDbSudo"), false).toBool();
    p.appointmentColumns = s.value(QStringLiteral("appointmentColumns")).toStringList();
    p.timeZone = s.value(QStringLiteral("timeZone"), p.timeZone).toString();
    p.sampleIntervalSec =
        std::clamp(s.value(QStringLiteral("sampleIntervalSec"), p.sampleIntervalSec).toInt(),
                   Profile::kMinSampleIntervalSec, Profile::kMaxSampleIntervalSec);
    return p;
}

void writeProfile(QSettings &s, const Profile &p)
{
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("host"), p.host);
    s.setValue(QStringLiteral("port"), int(p.port));
    s.setValue(QStringLiteral("user"), p.user);
    s.setValue(QStringLiteral("keyFile"), p.keyFile);
    s.setValue(QStringLiteral("kubectlOverride"), p.kubectlOverride);
    if (p.ramBudgetBytes)
        s.setValue(QStringLiteral("ramBudgetBytes"), *p.ramBudgetBytes);
    else
        s.remove(QStringLiteral("ramBudgetBytes"));
    s.setValue(QStringLiteral("readOnly"), p.readOnly);
    s.setValue(QStringLiteral("knownHostsPath"), p.knownHostsPath);
    s.setValue(QStringLiteral("requireTypedName"), p.requireTypedName);
    s.setValue(QStringLiteral("appointmentsDbPath"), p.appointmentsDbPath);
    s.setValue(QStringLiteral("quotesDbPath"), p.quotesDbPath);
    s.setValue(QStringLiteral("allowDbSudo"), p.allowDbSudo);
    if (p.appointmentColumns.isEmpty())
        s.remove(QStringLiteral("appointmentColumns"));
    else
        s.setValue(QStringLiteral("appointmentColumns"), p.appointmentColumns);
    s.setValue(QStringLiteral("timeZone"), p.timeZone);
    s.setValue(QStringLiteral("sampleIntervalSec"), p.sampleIntervalSec);
}

QString expandHome(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

bool isBadHostText(const QString &h)
{
    // Never a valid host, and some would read as options to a tool.
    if (h.startsWith(QLatin1Char('-')))
        return true;
    for (QChar c : h) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('@') ||
            c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

ProfileStore::ProfileStore() : m_settings(std::make_unique<QSettings>())
{
    profiles::registerMetaTypes();
}

ProfileStore::ProfileStore(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    profiles::registerMetaTypes();
}

QString ProfileStore::path() const
{
    return m_settings->fileName();
}

ProfileStore::~ProfileStore() = default;

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> out;
    m_settings->sync();
    const int n = m_settings->beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Profile p = readProfile(*m_settings);
        if (!p.name.isEmpty())
            out << p;
    }
    m_settings->endArray();
    return out;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Result<void> ProfileStore::validate(const Profile &p)
{
    if (p.name.trimmed().isEmpty())
        return makeError(QCoreApplication::translate("ProfileStore", "The profile needs a name."), QString(),
                         QStringLiteral("profile.name"));
    if (p.host.trimmed().isEmpty())
        return makeError(
            QCoreApplication::translate("ProfileStore", "The profile needs a host: a name, an address or an ~/.ssh/config alias."),
            QString(), QStringLiteral("profile.host"));
    if (isBadHostText(p.host.trimmed()))
        return makeError(QCoreApplication::translate("ProfileStore", "\"%1\" is not a valid host name.").arg(p.host),
                         QCoreApplication::translate("ProfileStore", "Put the user and port in their own fields."),
                         QStringLiteral("profile.host"));
    if (p.port == 0)
        return makeError(QCoreApplication::translate("ProfileStore", "The port must be between 1 and 65535."), QString(),
                         QStringLiteral("profile.port"));
    if (p.user.contains(QLatin1Char(' ')) || p.user.contains(QLatin1Char('@')))
        return makeError(QCoreApplication::translate("ProfileStore", "\"%1\" is not a valid user name.").arg(p.user), QString(),
                         QStringLiteral("profile.user"));
    if (p.sampleIntervalSec < Profile::kMinSampleIntervalSec ||
        p.sampleIntervalSec > Profile::kMaxSampleIntervalSec)
        return makeError(QCoreApplication::translate("ProfileStore", "Sample every %1 to %2 seconds.")
                             .arg(Profile::kMinSampleIntervalSec)
                             .arg(Profile::kMaxSampleIntervalSec),
                         QString(), QStringLiteral("profile.sampleInterval"));
    if (p.ramBudgetBytes && *p.ramBudgetBytes <= 0)
        return makeError(
            QCoreApplication::translate("ProfileStore", "The RAM budget must be positive, or empty to take it from the node."), QString(),
            QStringLiteral("profile.ram"));
    return {};
}

void ProfileStore::save(const QList<Profile> &list)
{
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, list.at(i));
    }
    m_settings->endArray();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcProfiles) << "could not write profiles to" << m_settings->fileName();
}

Result<void> ProfileStore::add(const Profile &profile)
{
    if (Result<void> v = validate(profile); !v)
        return v;
    QList<Profile> list = profiles();
    for (const Profile &p : std::as_const(list)) {
        if (p.name == profile.name)
            return makeError(QCoreApplication::translate("ProfileStore", "A profile called \"%1\" already exists.").arg(profile.name),
                             QString(), QStringLiteral("profile.duplicate"));
    }
    list << profile;
    save(list);
    return {};
}

Result<void> ProfileStore::update(const QString &oldName, const Profile &profile)
{
    if (Result<void> v = validate(profile); !v)
        return v;
    QList<Profile> list = profiles();
    qsizetype index = -1;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).name == oldName)
            index = i;
        else if (list.at(i).name == profile.name)
            return makeError(QCoreApplication::translate("ProfileStore", "A profile called \"%1\" already exists.").arg(profile.name),
                             QString(), QStringLiteral("profile.duplicate"));
    }
    if (index < 0)
        return makeError(QCoreApplication::translate("ProfileStore", "There is no profile called \"%1\".").arg(oldName), QString(),
                         QStringLiteral("profile.missing"));
    list[index] = profile;
    save(list);
    return {};
}

Result<void> ProfileStore::applyChanges(const Profile &before, const Profile &after)
{
    if (before == after)
        return {};
    // Not "<file>.lock": QSettings takes that one itself while it syncs.
    QLockFile lock(m_settings->fileName() + QStringLiteral(".update-lock"));
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(5000))
        return makeError(QCoreApplication::translate("ProfileStore", "The profiles file is locked by another Vigía."),
                         QCoreApplication::translate("ProfileStore", "The change was kept for this session; choose it "
                                                                     "again once the other window is idle."),
                         QStringLiteral("profile.locked"));
    const std::optional<Profile> fresh = find(before.name);
    if (!fresh)
        return makeError(QCoreApplication::translate("ProfileStore", "There is no profile called \"%1\".").arg(before.name),
                         QString(), QStringLiteral("profile.missing"));
    Profile merged = *fresh;
    const auto take = [&](auto Profile::*field) {
        if (before.*field != after.*field)
            merged.*field = after.*field;
    };
    take(&Profile::name);
    take(&Profile::host);
    take(&Profile::port);
    take(&Profile::user);
    take(&Profile::keyFile);
    take(&Profile::kubectlOverride);
    take(&Profile::ramBudgetBytes);
    take(&Profile::readOnly);
    take(&Profile::knownHostsPath);
    take(&Profile::requireTypedName);
    take(&Profile::appointmentsDbPath);
    take(&Profile::quotesDbPath);
    take(&Profile::allowDbSudo);
    take(&Profile::appointmentColumns);
    take(&Profile::timeZone);
    take(&Profile::sampleIntervalSec);
    return update(before.name, merged);
}

bool ProfileStore::remove(const QString &name)
{
    QList<Profile> list = profiles();
    const qsizetype before = list.size();
    list.removeIf([&](const Profile &p) { return p.name == name; });
    if (list.size() == before)
        return false;
    save(list);
    return true;
}

Profile ProfileStore::profileForAlias(const QString &alias, const ssh::SshConfig &config)
{
    const ssh::SshHostConfig hc = config.resolve(alias);
    Profile p;
    p.name = alias;
    p.host = alias;
    p.user = hc.user;
    p.port = hc.port.value_or(22);
    return p;
}

QStringList ProfileStore::importFromSshConfig(const ssh::SshConfig &config)
{
    QList<Profile> list = profiles();
    QStringList added;
    for (const QString &alias : config.aliases()) {
        const bool exists =
            std::any_of(list.cbegin(), list.cend(), [&](const Profile &p) { return p.name == alias; });
        if (exists)
            continue;
        // resolveProfile lets the config win for anything left at its default, so later edits
        // to the config still count.
        const Profile p = profileForAlias(alias, config);
        if (!validate(p)) {
            qCInfo(lcProfiles) << "not importing ssh alias" << alias;
            continue;
        }
        list << p;
        added << alias;
    }
    if (!added.isEmpty())
        save(list);
    return added;
}

Result<Profile> ProfileStore::parseAddress(const QString &specIn)
{
    const QString spec = specIn.trimmed();
    Profile p;
    QString rest = spec;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        p.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (p.user.isEmpty())
            return makeError(QCoreApplication::translate("ProfileStore", "\"%1\": the user before '@' is empty.").arg(spec), QString(),
                             QStringLiteral("spec.user"));
    }
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return makeError(QCoreApplication::translate("ProfileStore", "\"%1\": missing ']' after the IPv6 address.").arg(spec),
                             QString(), QStringLiteral("spec.bracket"));
        p.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return makeError(QCoreApplication::translate("ProfileStore", "\"%1\": expected ':port' after ']'.").arg(spec), QString(),
                                 QStringLiteral("spec.port"));
            portText = after.mid(1);
            if (portText.isEmpty())
                return makeError(QCoreApplication::translate("ProfileStore", "\"%1\": the port after ':' is empty.").arg(spec), QString(),
                                 QStringLiteral("spec.port"));
        }
    } else if (rest.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        p.host = rest.left(colon);
        portText = rest.mid(colon + 1);
        if (portText.isEmpty())
            return makeError(QCoreApplication::translate("ProfileStore", "\"%1\": the port after ':' is empty.").arg(spec), QString(),
                             QStringLiteral("spec.port"));
    } else {
        // No colon, or a bare IPv6 address (several colons, no port).
        p.host = rest;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return makeError(
                QCoreApplication::translate("ProfileStore", "\"%1\": \"%2\" is not a port number (1-65535).").arg(spec, portText),
                QString(), QStringLiteral("spec.port"));
        p.port = quint16(port);
    }
    if (p.host.isEmpty())
        return makeError(QCoreApplication::translate("ProfileStore", "\"%1\" has no host.").arg(spec),
                         QCoreApplication::translate("ProfileStore", "Use a profile name, an ~/.ssh/config alias, or [user@]host[:port]."),
                         QStringLiteral("spec.host"));
    if (isBadHostText(p.host) || (p.host.contains(QLatin1Char(':')) && QHostAddress(p.host).isNull()))
        return makeError(QCoreApplication::translate("ProfileStore", "\"%1\" is not a valid host.").arg(p.host),
                         QCoreApplication::translate("ProfileStore", "Use a profile name, an ~/.ssh/config alias, or [user@]host[:port]."),
                         QStringLiteral("spec.host"));
    if (p.user.contains(QLatin1Char(' ')))
        return makeError(QCoreApplication::translate("ProfileStore", "\"%1\" is not a valid user name.").arg(p.user), QString(),
                         QStringLiteral("spec.user"));
    p.name = spec;
    return p;
}

Result<ResolvedTarget> ProfileStore::resolveProfile(const Profile &profile, const ssh::SshConfig &config,
                                                    const QString &source, bool portIsExplicit)
{
    const ssh::SshHostConfig hc = config.resolve(profile.host);
    if (!hc.proxyJump.isEmpty())
        return makeError(
            QCoreApplication::translate("ProfileStore", "%1 uses ProxyJump (%2) in ~/.ssh/config: ProxyJump is not supported yet; "
                           "connect to the jump host's target directly or use an SSH tunnel.")
                .arg(profile.host, hc.proxyJump),
            QCoreApplication::translate("ProfileStore", "For example run `ssh -L 2222:%1:22 %2` and connect Vigía to "
                           "localhost:2222.")
                .arg(hc.effectiveHost(), hc.proxyJump.section(QLatin1Char(','), 0, 0)),
            QStringLiteral("ssh.proxyjump"));
    if (!hc.proxyCommand.isEmpty())
        return makeError(
            QCoreApplication::translate("ProfileStore", "%1 uses ProxyCommand in ~/.ssh/config: ProxyCommand is not supported yet; "
                           "connect to the target directly or use an SSH tunnel.")
                .arg(profile.host),
            QString(), QStringLiteral("ssh.proxycommand"));

    ResolvedTarget r;
    r.profile = profile;
    r.source = source;
    ssh::SshTarget &t = r.target;
    t.host = hc.effectiveHost();
    // Port 22 in a profile is also the "not set" value: then the config decides.
    t.port = (portIsExplicit || profile.port != 22) ? profile.port : hc.port.value_or(22);
    t.user = !profile.user.isEmpty() ? profile.user : hc.user;
    t.hostKeyAlias = hc.hostKeyAlias;
    if (!profile.keyFile.isEmpty())
        t.identityFiles << expandHome(profile.keyFile);
    for (const QString &id : hc.identityFiles) {
        if (!t.identityFiles.contains(id))
            t.identityFiles << id;
    }
    if (hc.identitiesOnly.value_or(false))
        t.useAgent = false;
    t.knownHostsPath =
        !profile.knownHostsPath.isEmpty() ? expandHome(profile.knownHostsPath) : hc.userKnownHostsFile;
    r.profile.port = t.port;
    r.profile.user = t.user;
    return r;
}

Result<ResolvedTarget> ProfileStore::resolveConnectSpec(const QString &specIn,
                                                        const ssh::SshConfig &config) const
{
    const QString spec = specIn.trimmed();
    if (spec.isEmpty())
        return makeError(
            QCoreApplication::translate("ProfileStore", "Nothing to connect to."),
            QCoreApplication::translate("ProfileStore", "Give a profile name, an ~/.ssh/config alias, or [user@]host[:port]."),
            QStringLiteral("spec.empty"));
    if (const std::optional<Profile> p = find(spec))
        return resolveProfile(*p, config, QStringLiteral("profile"));
    if (config.aliases().contains(spec)) {
        Profile p;
        p.name = spec;
        p.host = spec;
        return resolveProfile(p, config, QStringLiteral("ssh-config alias"));
    }
    Result<Profile> parsed = parseAddress(spec);
    if (!parsed)
        return parsed.error();
    // Host patterns (Host *.example.com) and Host * still apply to a typed address, as with ssh.
    const QString hostPart = spec.mid(spec.lastIndexOf(QLatin1Char('@')) + 1);
    const bool portTyped = hostPart.startsWith(QLatin1Char('[')) ? hostPart.contains(QLatin1String("]:"))
                                                                 : hostPart.count(QLatin1Char(':')) == 1;
    return resolveProfile(parsed.value(), config, QStringLiteral("address"), portTyped);
}

} // namespace vigia
