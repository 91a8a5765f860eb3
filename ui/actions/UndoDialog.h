#pragma once
#include "actions/ActionSpec.h"
#include "actions/RolloutHistory.h"

#include <QDateTime>
#include <QDialog>

class QRadioButton;
class QTableWidget;

namespace vigia::ui {

// The history of a deployment (revision, images, change-cause, age) to pick
// the revision to roll back to, or simply "the previous one".
class UndoDialog : public QDialog {
    Q_OBJECT
public:
    UndoDialog(const actions::ActionSpec &spec, const QList<actions::RolloutRevision> &revisions,
               const QDateTime &now = QDateTime::currentDateTimeUtc(), QWidget *parent = nullptr);
    // 0: the previous revision.
    int chosenRevision() const;
    actions::ActionSpec result() const;
    QTableWidget *table() const { return m_table; }
    QRadioButton *previousButton() const { return m_previous; }
    QRadioButton *pickButton() const { return m_pick; }

private:
    actions::ActionSpec m_spec;
    QList<actions::RolloutRevision> m_revisions;
    QTableWidget *m_table = nullptr;
    QRadioButton *m_previous = nullptr;
    QRadioButton *m_pick = nullptr;
};

} // namespace vigia::ui
