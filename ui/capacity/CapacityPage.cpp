#include "capacity/CapacityPage.h"

#include "capacity/CapacityView.h"
#include "metrics/Sample.h"
#include "session/CapacityFeed.h"
#include "session/Session.h"

namespace vigia::ui {

CapacityPage::CapacityPage(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("capacityTab"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_view = new CapacityView(this);
    setWidget(m_view);
}

CapacityPage::~CapacityPage()
{
    // The store belongs to the session, which may outlive this page.
    m_view->setHistoryStore(nullptr);
}

void CapacityPage::attach(session::Session *session)
{
    if (m_session)
        m_session->capacity()->disconnect(this);
    m_session = session;
    m_view->setHistoryStore(nullptr);
    if (!session)
        return;
    session::CapacityFeed *feed = session->capacity();
    connect(feed, &session::CapacityFeed::historyChanged, this,
            [this](metrics::HistoryStore *store, const QString &problem) {
                m_view->setHistoryStore(store);
                if (!problem.isEmpty())
                    m_view->setMissing({problem});
                m_view->refresh();
            });
    connect(feed, &session::CapacityFeed::budgetChanged, this,
            [this](std::optional<qint64> budget, std::optional<qint64> cap, std::optional<qint64> alloc) {
                m_view->setBudget(budget, cap, alloc);
                m_view->refreshInBackground();
            });
    connect(feed, &session::CapacityFeed::sampled, this, [this](const metrics::Sample &sample) {
        m_view->setMissing(sample.missing);
        m_view->refreshInBackground();
    });
    connect(feed, &session::CapacityFeed::podResourcesChanged, m_view, &CapacityView::setPodResources);
    m_view->setHistoryStore(feed->history());
    if (feed->nodeCapacityBytes() > 0)
        m_view->setBudget(feed->budget(), feed->nodeCapacityBytes(), feed->nodeAllocatableBytes());
    else
        m_view->setBudget(feed->budget());
    m_view->refresh();
}

} // namespace vigia::ui
