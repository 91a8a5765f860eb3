#pragma once
// Details of one pod: containers (image, state, last termination with reason,
// exit code and time, restarts), conditions, labels and node; this pod's
// events; its YAML (read-only, monospace, searchable) fetched with
// `kubectl get pod -o yaml`, and `kubectl describe pod` as a fallback.
// Live updates of the same pod keep the current tab and scroll position.
#include "core/Result.h"
#include "kube/ClusterTypes.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::cluster {

class EventListModel;

class PodDetailsPane : public QWidget {
    Q_OBJECT
public:
    enum Tab { OverviewTab, EventsTab, YamlTab, DescribeTab };

    explicit PodDetailsPane(QWidget *parent = nullptr);

    // Where YAML and describe come from; without it those tabs say so.
    void setRunner(remote::KubectlRunner *runner);

    // The pod as the API serves it (ResourceWatcher::object(key)). The same pod
    // again (an update) keeps the tab, the scroll and the fetched YAML.
    void setPod(const QJsonObject &pod);
    void clearPod();
    QString podKey() const { return m_key; }

    // All events known; the pane keeps this pod's.
    void setEvents(const QList<kube::EventInfo> &events);

    // Filled by the fetches, or directly by tests.
    void setYaml(const QString &yaml);
    void setDescribe(const QString &text);
    void setFetchError(const Error &error);

    QTabWidget *tabs() const { return m_tabs; }
    QString overviewText() const;
    QString yamlText() const;
    int eventCount() const;
    // Finds text in the YAML (wraps); false when not found.
    bool findInYaml(const QString &text, bool backwards = false);

public slots:
    void refreshYaml();
    void refreshDescribe();

private:
    void renderOverview();
    void onFinished(quint64 token, const Result<QByteArray> &result);
    void onTabChanged(int index);

    QPointer<remote::KubectlRunner> m_runner;
    QJsonObject m_pod;
    QString m_key, m_ns, m_name;
    QString m_fullName; // the pod name the header shows elided
    QList<kube::EventInfo> m_allEvents;
    QLabel *m_header;
    QTabWidget *m_tabs;
    QTextBrowser *m_overview;
    QTableView *m_eventsView;
    EventListModel *m_events;
    QLineEdit *m_yamlSearch;
    QPlainTextEdit *m_yaml;
    QLabel *m_yamlStatus;
    QPlainTextEdit *m_describe;
    quint64 m_yamlToken = 0;
    quint64 m_describeToken = 0;
    bool m_yamlLoaded = false;
    bool m_describeLoaded = false;
};

} // namespace vigia::cluster
