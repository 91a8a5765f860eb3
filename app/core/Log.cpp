#include "core/Log.h"

Q_LOGGING_CATEGORY(lcSsh, "vigia.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "vigia.remote", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "vigia.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "vigia.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "vigia.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMetrics, "vigia.metrics", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDesktop, "vigia.desktop", QtInfoMsg)
