#pragma once
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigia {

// One server the user can connect to. Stored with QSettings by ProfileStore.
struct Profile {
    QString name; // unique, shown in the connect window
    QString host; // host name, address, or an ~/.ssh/config alias
    quint16 port = 22;
    QString user;                         // empty: from ~/.ssh/config, else the local user
    QString keyFile;                      // empty: agent, ~/.ssh/config IdentityFile, defaults
    QString kubectlOverride;              // empty: detect ("kubectl", "k3s kubectl", "sudo -n k3s kubectl")
    std::optional<qint64> ramBudgetBytes; // empty: take it from the node
    bool readOnly = false;
    QString knownHostsPath;        // empty: ~/.ssh/known_hosts (the sandbox sets its own)
    bool requireTypedName = false; // undo and delete ask for the object's name to be typed
    // The Data tab: remote SQLite files (empty: discover) and the zone their times are shown in.
    QString appointmentsDbPath;
    QString quotesDbPath;
    bool allowDbSudo = false; // read databases the SSH user cannot read with `sudo -n`
    // The column mapping chosen for an appointments table whose schema differs
    // ("table=reservas", "start=inicio", ...; db::AppointmentMapping::toPairs).
    // Empty: the scheduler's schema, or a guess.
    QStringList appointmentColumns;
    QString timeZone = QStringLiteral("America/Tijuana");
    // Capacity: seconds between samples. Each sample costs the server a little CPU (see the
    // sampler_remote_cpu benchmark), so the range is bounded.
    int sampleIntervalSec = 10;
    static constexpr int kMinSampleIntervalSec = 5;
    static constexpr int kMaxSampleIntervalSec = 600;

    bool operator==(const Profile &) const = default;
};

} // namespace vigia

Q_DECLARE_METATYPE(vigia::Profile)
