#pragma once
// One logging category per area. Enable with QT_LOGGING_RULES="vigia.ssh.debug=true".
// Never log a secret: no passphrases, no key material, no database rows.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSsh)      // vigia.ssh
Q_DECLARE_LOGGING_CATEGORY(lcRemote)   // vigia.remote
Q_DECLARE_LOGGING_CATEGORY(lcKube)     // vigia.kube
Q_DECLARE_LOGGING_CATEGORY(lcProfiles) // vigia.profiles
Q_DECLARE_LOGGING_CATEGORY(lcDb)       // vigia.db
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)  // vigia.metrics
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)  // vigia.desktop
