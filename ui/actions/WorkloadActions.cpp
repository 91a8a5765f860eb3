#include "actions/WorkloadActions.h"

#include "actions/ActionController.h"
#include "actions/AuditLog.h"
#include "actions/ActionSource.h"
#include "actions/RolloutHistory.h"
#include "actions/ScaleDialog.h"
#include "actions/UndoDialog.h"
#include "remote/KubectlRunner.h"
#include "session/Session.h"

#include <QAction>
#include <QDateTime>
#include <QStyle>
#include <QWidget>

namespace vigia::ui {

WorkloadActions::WorkloadActions(QWidget *window, RolloutProgressPanel *panel)
    : QObject(window), m_window(window), m_panel(panel)
{
    auto make = [this](const QString &text, const QKeySequence &key, const QString &name) {
        auto *a = new QAction(text, m_window);
        a->setObjectName(name);
        a->setShortcut(key);
        m_window->addAction(a);
        return a;
    };
    m_restart = make(tr("&Restart owner"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                     QStringLiteral("restartAction"));
    // No icon: the reload arrows already mean "fetch again" (Refresh), a very different thing.
    m_undo = make(tr("&Undo rollout…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), QStringLiteral("undoAction"));
    m_undo->setIcon(m_window->style()->standardIcon(QStyle::SP_ArrowBack));
    m_scale = make(tr("&Scale…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), QStringLiteral("scaleAction"));
    m_delete = make(tr("&Delete pod"), QKeySequence(Qt::CTRL | Qt::Key_Delete), QStringLiteral("deletePodAction"));
    m_delete->setIcon(m_window->style()->standardIcon(QStyle::SP_TrashIcon));
    connect(m_restart, &QAction::triggered, this, [this] { trigger(actions::ActionKind::Restart); });
    connect(m_undo, &QAction::triggered, this, [this] { trigger(actions::ActionKind::Undo); });
    connect(m_scale, &QAction::triggered, this, [this] { trigger(actions::ActionKind::Scale); });
    connect(m_delete, &QAction::triggered, this, [this] { trigger(actions::ActionKind::DeletePod); });
    update();
}

WorkloadActions::~WorkloadActions() = default;

QList<QAction *> WorkloadActions::actions() const
{
    return {m_restart, m_undo, m_scale, m_delete};
}

void WorkloadActions::attach(session::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &session::Session::ready, this, &WorkloadActions::onReady);
        connect(session, &session::Session::servicesGone, this, [this] {
            delete m_controller.data();
            update();
        });
        connect(session, &session::Session::starting, this, &WorkloadActions::update);
        if (session->actionRunner())
            onReady();
    }
    update();
}

void WorkloadActions::onReady()
{
    delete m_controller.data();
    if (!m_session || !m_session->actionRunner())
        return;
    auto *ac = new ActionController(m_session->actionRunner(), m_panel, m_window, this);
    ac->setRequireTypedName(m_session->profile().requireTypedName);
    m_controller = ac;
    connect(ac, &ActionController::refused, this, [this](const Error &e) { emit message(e.message, 8000); });
    connect(ac, &ActionController::actionSent, this, &WorkloadActions::actionSent);
    connect(ac, &ActionController::rolloutFinished, m_session, &session::Session::refreshPods);
    update();
}

void WorkloadActions::setSource(ActionSource *source)
{
    m_source = source;
    update();
}

void WorkloadActions::update()
{
    const bool readOnly = m_session && m_session->isReadOnly();
    const bool writable = m_controller && !readOnly;
    const bool pods = !m_source || m_source->selectsPods();
    m_restart->setText(pods ? tr("&Restart owner") : tr("&Restart"));
    auto applies = [this](actions::ActionKind kind) { return m_source && m_source->actionSpec(kind).ok(); };
    m_restart->setEnabled(writable && applies(actions::ActionKind::Restart));
    m_undo->setEnabled(writable && applies(actions::ActionKind::Undo));
    m_scale->setEnabled(writable && applies(actions::ActionKind::Scale));
    m_delete->setEnabled(writable && pods && applies(actions::ActionKind::DeletePod));
    const QString why = readOnly ? tr(" (read-only profile)") : QString();
    for (QAction *a : actions())
        a->setToolTip(a->text().remove(QLatin1Char('&')) +
                      QStringLiteral(" (%1)").arg(a->shortcut().toString(QKeySequence::NativeText)) + why);
}

void WorkloadActions::fillTarget(actions::ActionSpec &spec) const
{
    spec.profile = m_session->profile().name;
    // Where, not which profile: the profile is its own column in the audit trail.
    spec.server = m_session->serverText();
}

void WorkloadActions::trigger(actions::ActionKind kind)
{
    if (!m_source || !m_controller || !m_session)
        return;
    if (kind == actions::ActionKind::DeletePod && !m_source->selectsPods())
        return;
    Result<actions::ActionSpec> spec = m_source->actionSpec(kind);
    if (!spec.ok()) {
        if (spec.error().code != QLatin1String("ui.no-selection"))
            emit message(spec.error().message, 6000);
        return;
    }
    actions::ActionSpec s = spec.value();
    fillTarget(s);
    switch (kind) {
    case actions::ActionKind::Scale:
        askScale(s);
        break;
    case actions::ActionKind::Undo:
        askUndo(s);
        break;
    default:
        m_controller->request(s);
        break;
    }
}

void WorkloadActions::askScale(actions::ActionSpec spec)
{
    // The current count first, so the dialog starts from it; the UI never waits on it.
    query({QStringLiteral("get"), actions::objectKindName(spec.objectKind), spec.objectName,
           QStringLiteral("--namespace=") + spec.namespaceName, QStringLiteral("-o"),
           QStringLiteral("jsonpath={.spec.replicas}")},
          [this, spec](const Result<QByteArray> &r) mutable {
              if (r.ok()) {
                  bool ok = false;
                  const int n = QString::fromUtf8(r.value()).trimmed().toInt(&ok);
                  if (ok)
                      spec.currentReplicas = n;
              }
              auto *dlg = new ScaleDialog(spec, m_window);
              dlg->setAttribute(Qt::WA_DeleteOnClose);
              connect(dlg, &QDialog::accepted, this, [this, dlg] {
                  if (m_controller)
                      m_controller->request(dlg->result());
              });
              dlg->open();
          });
}

void WorkloadActions::askUndo(actions::ActionSpec spec)
{
    if (spec.objectKind != actions::ObjectKind::Deployment) {
        m_controller->request(spec);
        return;
    }
    auto showDialog = [this, spec](const QList<actions::RolloutRevision> &revisions) {
        auto *dlg = new UndoDialog(spec, revisions, QDateTime::currentDateTimeUtc(), m_window);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        connect(dlg, &QDialog::accepted, this, [this, dlg] {
            if (m_controller)
                m_controller->request(dlg->result());
        });
        dlg->open();
    };
    query({QStringLiteral("get"), QStringLiteral("deployment"), spec.objectName,
           QStringLiteral("--namespace=") + spec.namespaceName, QStringLiteral("-o"), QStringLiteral("json")},
          [this, showDialog](const Result<QByteArray> &r) {
              Result<actions::WorkloadRef> ref =
                  r.ok() ? actions::parseWorkloadRef(r.value()) : Result<actions::WorkloadRef>(r.error());
              if (!ref.ok()) {
                  showDialog({});
                  return;
              }
              const actions::WorkloadRef workload = ref.value();
              query(actions::replicaSetListArgs(workload), [showDialog, workload](const Result<QByteArray> &rs) {
                  Result<QList<actions::RolloutRevision>> revs =
                      rs.ok() ? actions::parseRevisions(rs.value(), workload)
                              : Result<QList<actions::RolloutRevision>>(rs.error());
                  showDialog(revs.ok() ? revs.value() : QList<actions::RolloutRevision>{});
              });
          });
}

void WorkloadActions::query(const QStringList &args, std::function<void(const Result<QByteArray> &)> done)
{
    remote::KubectlRunner *runner = m_session ? m_session->runner() : nullptr;
    if (!runner || !runner->isReady()) {
        done(Result<QByteArray>(makeError(tr("Not connected."), {}, QStringLiteral("ui.not-connected"))));
        return;
    }
    if (runner != m_queryRunner) {
        m_queries.clear();
        m_queryRunner = runner;
        connect(runner, &remote::KubectlRunner::finished, this,
                [this, runner](quint64 token, const Result<QByteArray> &r) {
                    if (runner != m_queryRunner)
                        return;
                    if (auto cb = m_queries.take(token))
                        cb(r);
                });
    }
    const quint64 token = runner->run(args, 20000);
    if (token != 0)
        m_queries.insert(token, std::move(done));
}

} // namespace vigia::ui
