<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_MX">
<context>
    <name>ActionRunner</name>
    <message>
        <source>No answer: %1 It may have been applied; checking…</source>
        <translation>Sin respuesta: %1 Puede que se haya aplicado; comprobando…</translation>
    </message>
    <message>
        <source>Do not run it again until the check says whether it was applied.</source>
        <translation>No la repitas hasta que la comprobación diga si se aplicó.</translation>
    </message>
    <message>
        <source>could not check afterwards: no connection; look at the object before trying again</source>
        <translation>no se pudo comprobar después: sin conexión; revisa el objeto antes de volver a intentarlo</translation>
    </message>
    <message>
        <location filename="../../app/actions/ActionRunner.cpp" line="+36" />
        <source>There is no connection to send the action on.</source>
        <translation>No hay conexión por la cual enviar la acción.</translation>
    </message>
</context>
<context>
    <name>ActionSpec</name>
    <message>
        <location filename="../../app/actions/ActionSpec.cpp" line="+70" />
        <source>The %1 name is empty.</source>
        <translation>El nombre de %1 está vacío.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The %1 name "%2" contains a character Kubernetes names never have.</source>
        <translation>El nombre de %1 «%2» contiene un carácter que los nombres de Kubernetes nunca llevan.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cannot %1 a %2.</source>
        <translation>No se puede aplicar «%1» a un %2.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Revision %1 does not exist.</source>
        <translation>La revisión %1 no existe.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 is not a replica count.</source>
        <translation>%1 no es un número de réplicas.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Unknown action.</source>
        <translation>Acción desconocida.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>stateful set</source>
        <translation>statefulset</translation>
    </message>
    <message>
        <location line="+2" />
        <source>daemon set</source>
        <translation>daemonset</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Restart %1</source>
        <translation>Reiniciar %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Roll back %1 to revision %2</source>
        <translation>Revertir %1 a la revisión %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roll back %1 to the previous revision</source>
        <translation>Revertir %1 a la revisión anterior</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scale %1 to %2</source>
        <translation>Escalar %1 a %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delete pod %1</source>
        <translation>Eliminar el pod %1</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Restart %1: it uses the Recreate strategy, so every pod is stopped before the new ones start. The service is DOWN until a new pod is Ready.</source>
        <translation>Reiniciar %1: usa la estrategia Recreate, así que todos los pods se detienen antes de que arranquen los nuevos. El servicio queda CAÍDO hasta que un pod nuevo esté Ready.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Restart %1: pods are replaced by its update strategy (not read yet). With one replica, or with the Recreate strategy, the service is down until a new pod is Ready.</source>
        <translation>Reiniciar %1: los pods se reemplazan según su estrategia de actualización (aún no leída). Con una sola réplica, o con la estrategia Recreate, el servicio queda caído hasta que un pod nuevo esté Ready.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Restart %1: it has no replicas, so nothing runs before or after.</source>
        <translation>Reiniciar %1: no tiene réplicas, así que nada corre ni antes ni después.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Restart %1: maxUnavailable lets all %n pod(s) stop at once, so the service can be DOWN until a new pod is Ready.</source>
        <translation>
            <numerusform>Reiniciar %1: maxUnavailable permite que su único pod se detenga, así que el servicio puede quedar CAÍDO hasta que un pod nuevo esté Ready.</numerusform>
            <numerusform>Reiniciar %1: maxUnavailable permite que sus %n pods se detengan a la vez, así que el servicio puede quedar CAÍDO hasta que un pod nuevo esté Ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>Restart %1: a new pod starts before an old one stops, and %n pod(s) keep serving throughout, as long as the new pods become Ready.</source>
        <translation>
            <numerusform>Reiniciar %1: un pod nuevo arranca antes de que se detenga uno viejo, y %n pod sigue atendiendo todo el tiempo, siempre que los pods nuevos lleguen a Ready.</numerusform>
            <numerusform>Reiniciar %1: un pod nuevo arranca antes de que se detenga uno viejo, y %n pods siguen atendiendo todo el tiempo, siempre que los pods nuevos lleguen a Ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Restart %1: pods are replaced a few at a time; at least %n keep serving throughout.</source>
        <translation>
            <numerusform>Reiniciar %1: los pods se reemplazan de pocos en pocos; al menos %n sigue atendiendo todo el tiempo.</numerusform>
            <numerusform>Reiniciar %1: los pods se reemplazan de pocos en pocos; al menos %n siguen atendiendo todo el tiempo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 %2 in namespace %3 on server %4</source>
        <translation>%1 %2 del namespace %3 en el servidor %4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Restart %1: the pod on each node is replaced, one node at a time.</source>
        <translation>Reiniciar %1: se reemplaza el pod de cada nodo, un nodo a la vez.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Restart %1: pods are replaced one by one, from the highest ordinal down.</source>
        <translation>Reiniciar %1: los pods se reemplazan uno por uno, del ordinal más alto hacia abajo.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Roll back %1 to revision %2: its pod template (images, settings) becomes the current one and pods are replaced.</source>
        <translation>Revertir %1 a la revisión %2: su plantilla de pod (imágenes, configuración) pasa a ser la actual y los pods se reemplazan.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Roll back %1 to the previous revision: its pod template (images, settings) becomes the current one and pods are replaced.</source>
        <translation>Revertir %1 a la revisión anterior: su plantilla de pod (imágenes, configuración) pasa a ser la actual y los pods se reemplazan.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>from %1 </source>
        <translation>de %1 </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scale %1 %2to 0: every pod is stopped and the workload stops serving.</source>
        <translation>Escalar %1 %2a 0: se detienen todos los pods y la carga de trabajo deja de atender.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Scale %1 %2to %3: %n pod(s) are stopped.</source>
        <translation>
            <numerusform>Escalar %1 %2a %3: se detiene %n pod.</numerusform>
            <numerusform>Escalar %1 %2a %3: se detienen %n pods.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Scale %1 %2to %3 replicas.</source>
        <translation>Escalar %1 %2a %3 réplicas.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete %1. Warning: this pod has no controller, so it will NOT come back.</source>
        <translation>Eliminar %1. Atención: este pod no tiene controlador, así que NO volverá.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delete %1: its controller creates a replacement pod.</source>
        <translation>Eliminar %1: su controlador crea un pod de reemplazo.</translation>
    </message>
</context>
<context>
    <name>ActionTargets</name>
    <message>
        <location filename="../../app/actions/ActionTargets.cpp" line="+58" />
        <source>%1 has no deployment, statefulset or daemonset to act on.</source>
        <translation>%1 no tiene deployment, statefulset ni daemonset sobre el cual actuar.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>That action does not apply to %1 %2.</source>
        <translation>Esa acción no aplica a %1 %2.</translation>
    </message>
</context>
<context>
    <name>AppointmentIndex</name>
    <message>
        <location filename="../../app/db/AppointmentIndex.cpp" line="+202" />
        <source>Map the start and client columns first.</source>
        <translation>Primero asigna las columnas de inicio y de cliente.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not open the snapshot %1.</source>
        <translation>No se pudo abrir la instantánea %1.</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+22" />
        <source>Could not read appointments from %1.</source>
        <translation>No se pudieron leer las citas de %1.</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <location filename="../../app/db/AppointmentModel.cpp" line="+41" />
        <source>Map the start and client columns first.</source>
        <translation>Primero asigna las columnas de inicio y de cliente.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Could not open the snapshot.</source>
        <translation>No se pudo abrir la instantánea.</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+5" />
        <source>Could not read appointments.</source>
        <translation>No se pudieron leer las citas.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../app/actions/AuditLog.cpp" line="+26" />
        <source>The activity log could not %1: %2</source>
        <translation>Registro de actividad: no se pudo %1: %2</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The activity log folder %1 could not be created.</source>
        <translation>No se pudo crear la carpeta del registro de actividad %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The activity log %1 could not be opened.</source>
        <translation>No se pudo abrir el registro de actividad %1.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>create its table</source>
        <translation>crear su tabla</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+15" />
        <location line="+52" />
        <location line="+16" />
        <source>The activity log is not open.</source>
        <translation>El registro de actividad no está abierto.</translation>
    </message>
    <message>
        <location line="-79" />
        <location line="+97" />
        <source>prepare a query</source>
        <translation>preparar una consulta</translation>
    </message>
    <message>
        <location line="-93" />
        <location line="+30" />
        <source>be written</source>
        <translation>escribir</translation>
    </message>
    <message>
        <location line="+35" />
        <location line="+32" />
        <source>be read</source>
        <translation>leer</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Activity entry %1 does not exist.</source>
        <translation>La entrada de actividad %1 no existe.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../app/desktop/Autostart.cpp" line="+75" />
        <source>The login entry %1 could not be removed.</source>
        <translation>No se pudo quitar la entrada de inicio %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove it by hand, or check the folder's permissions.</source>
        <translation>Quítela a mano o revise los permisos de la carpeta.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The folder %1 could not be created.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+7" />
        <source>Check that your home folder is writable.</source>
        <translation>Compruebe que se puede escribir en su carpeta personal.</translation>
    </message>
    <message>
        <location line="-2" />
        <source>The login entry %1 could not be written: %2</source>
        <translation>No se pudo escribir la entrada de inicio %1: %2</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <location filename="../../app/metrics/Capacity.cpp" line="+83" />
        <source>%1/%2 has no memory limit: it can take the whole node.</source>
        <translation>%1/%2 no tiene límite de memoria: puede acaparar todo el nodo.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1/%2 peaked at %3% of its %4 limit: it risks being OOM-killed.</source>
        <translation>%1/%2 llegó a un pico de %3% de su límite de %4: corre el riesgo de que el OOM killer lo mate.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 by requests</source>
        <translation>%1 según las solicitudes (requests)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>requests already exceed it by %1</source>
        <translation>las solicitudes (requests) ya lo rebasan por %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Room for one more project: %1; no observed peaks yet (metrics-server missing or no history).</source>
        <translation>Cabe un proyecto más: %1; aún no hay picos observados (falta metrics-server o no hay historial).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Room for one more project: about %1 at current peaks, %2.</source>
        <translation>Cabe un proyecto más: alrededor de %1 con los picos actuales, %2.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No room for another project: current peaks exceed the %1 budget by %2 (%3).</source>
        <translation>No cabe otro proyecto: los picos actuales rebasan el presupuesto de %1 por %2 (%3).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Peak memory (%1) is over 90% of the %2 budget.</source>
        <translation>El pico de memoria (%1) supera el 90% del presupuesto de %2.</translation>
    </message>
</context>
<context>
    <name>CapacityFeed</name>
    <message>
        <location filename="../../app/session/CapacityFeed.cpp" line="+41" />
        <source>No history: %1</source>
        <translation>Sin historial: %1</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <location filename="../../app/metrics/ChartData.cpp" line="+107" />
        <location line="+45" />
        <source>K3s + system</source>
        <translation>K3s + sistema</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Page cache + buffers (reclaimable)</source>
        <translation>Caché de páginas + búferes (recuperable)</translation>
    </message>
</context>
<context>
    <name>ClusterParsers</name>
    <message>
        <location filename="../../app/kube/ClusterParsers.cpp" line="+85" />
        <source>kubectl printed unreadable %1 (%2 at byte %3).</source>
        <translation>kubectl imprimió %1 ilegible (%2 en el byte %3).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The output looks cut off; it is fetched again shortly.</source>
        <translation>La salida parece cortada; se volverá a obtener en breve.</translation>
    </message>
    <message>
        <location line="+75" />
        <source>A workload without a name was skipped.</source>
        <translation>Se omitió una carga de trabajo sin nombre.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Not progressing</source>
        <translation>Sin avance</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1/%2 ready</source>
        <translation>%1/%2 listos</translation>
    </message>
    <message>
        <location line="+11" />
        <source>A node without a name was skipped.</source>
        <translation>Se omitió un nodo sin nombre.</translation>
    </message>
    <message>
        <location line="+57" />
        <source>An event without a name was skipped.</source>
        <translation>Se omitió un evento sin nombre.</translation>
    </message>
    <message>
        <location line="+49" />
        <source>workloads</source>
        <translation>cargas de trabajo</translation>
    </message>
    <message>
        <location line="+19" />
        <source>nodes</source>
        <translation>nodos</translation>
    </message>
    <message>
        <location line="+19" />
        <source>events</source>
        <translation>eventos</translation>
    </message>
    <message>
        <location line="+20" />
        <source>pod metrics</source>
        <translation>métricas de pods</translation>
    </message>
    <message>
        <location line="+17" />
        <source>node metrics</source>
        <translation>métricas de nodos</translation>
    </message>
    <message>
        <location line="+15" />
        <source>cluster state</source>
        <translation>estado del clúster</translation>
    </message>
</context>
<context>
    <name>ClusterPoller</name>
    <message>
        <location filename="../../app/kube/ClusterPoller.cpp" line="+187" />
        <source>CPU and memory usage come from metrics-server (metrics.k8s.io), which is not answering: %1</source>
        <translation>El uso de CPU y memoria viene de metrics-server (metrics.k8s.io), que no responde: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not installed or not ready</source>
        <translation>no está instalado o no está listo</translation>
    </message>
</context>
<context>
    <name>CommandExecutor</name>
    <message>
        <location filename="../../app/actions/CommandExecutor.cpp" line="+66" />
        <source>kubectl is not ready on this server yet.</source>
        <translation>kubectl todavía no está listo en este servidor.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The SSH connection could not start a command.</source>
        <translation>La conexión SSH no pudo iniciar un comando.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>kubectl did not finish within %1 s.</source>
        <translation>kubectl no terminó en %1 s.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../../app/db/CommandRunner.cpp" line="+37" />
        <source>Could not start /bin/sh.</source>
        <translation>No se pudo iniciar /bin/sh.</translation>
    </message>
    <message>
        <location line="+97" />
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../../app/db/CsvExport.cpp" line="+67" />
        <source>Nothing to export.</source>
        <translation>No hay nada que exportar.</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+11" />
        <source>Could not write the CSV file.</source>
        <translation>No se pudo escribir el archivo CSV.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Could not create %1.</source>
        <translation>No se pudo crear %1.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not save %1.</source>
        <translation>No se pudo guardar %1.</translation>
    </message>
</context>
<context>
    <name>DbDiscovery</name>
    <message>
        <location filename="../../app/db/DbDiscovery.cpp" line="+24" />
        <source>Could not read the list of volume claims.</source>
        <translation>No se pudo leer la lista de solicitudes de volumen (PVC).</translation>
    </message>
    <message>
        <location line="+88" />
        <source>kubectl is not available.</source>
        <translation>kubectl no está disponible.</translation>
    </message>
</context>
<context>
    <name>DbErrors</name>
    <message>
        <location filename="../../app/db/DbErrors.cpp" line="+28" />
        <source>checking the database file</source>
        <translation>se revisaba el archivo de la base de datos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>creating a temporary folder</source>
        <translation>se creaba una carpeta temporal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taking the snapshot with sqlite3</source>
        <translation>se tomaba la instantánea con sqlite3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>downloading the snapshot</source>
        <translation>se descargaba la instantánea</translation>
    </message>
    <message>
        <location line="+1" />
        <source>downloading the write-ahead log</source>
        <translation>se descargaba el registro de escritura anticipada (WAL)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>removing the temporary copy</source>
        <translation>se eliminaba la copia temporal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>verifying the local copy</source>
        <translation>se verificaba la copia local</translation>
    </message>
    <message>
        <location line="+1" />
        <source>looking for databases</source>
        <translation>se buscaban bases de datos</translation>
    </message>
    <message>
        <location line="+36" />
        <source>the database</source>
        <translation>la base de datos</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Permission denied reading %1, even with sudo.</source>
        <translation>Permiso denegado al leer %1, incluso con sudo.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sudo -n was tried and still could not read it. Check the file's owner and mode on the server.</source>
        <translation>Se intentó con sudo -n y aun así no se pudo leer. Revisa el propietario y los permisos del archivo en el servidor.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Permission denied reading %1 (sudo was not tried).</source>
        <translation>Permiso denegado al leer %1 (no se intentó con sudo).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retry; Vigía tries sudo -n when a plain read is refused.</source>
        <translation>Reintenta; Vigía prueba sudo -n cuando se rechaza una lectura normal.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Permission denied reading %1 (sudo was not tried: the profile does not allow it).</source>
        <translation>Permiso denegado al leer %1 (no se intentó con sudo: el perfil no lo permite).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allow sudo for databases in the profile (passwordless sudo -n), or make the file readable by your SSH user.</source>
        <translation>Permite sudo para bases de datos en el perfil (sudo -n sin contraseña), o haz que tu usuario SSH pueda leer el archivo.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The file %1 is not there.</source>
        <translation>El archivo %1 no está ahí.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check the path in the profile, or run discovery again: the volume may have moved.</source>
        <translation>Revisa la ruta en el perfil o vuelve a buscar: el volumen pudo haberse movido.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is not an SQLite database (or it is damaged).</source>
        <translation>%1 no es una base de datos SQLite (o está dañada).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick another file; nothing was changed on the server.</source>
        <translation>Elige otro archivo; no se cambió nada en el servidor.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>sudo needs a password to read %1.</source>
        <translation>sudo necesita una contraseña para leer %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vigía only uses passwordless sudo (sudo -n). Add a NOPASSWD rule for this user, or make the file readable.</source>
        <translation>Vigía solo usa sudo sin contraseña (sudo -n). Agrega una regla NOPASSWD para este usuario o haz que el archivo se pueda leer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>sqlite3 is not installed on the server.</source>
        <translation>sqlite3 no está instalado en el servidor.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vigía falls back to copying the file and its -wal; install sqlite3 on the server for fully consistent snapshots.</source>
        <translation>Vigía recurre a copiar el archivo y su -wal; instala sqlite3 en el servidor para obtener instantáneas totalmente consistentes.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 was busy while %2.</source>
        <translation>%1 estaba ocupado mientras %2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh again in a moment.</source>
        <translation>Vuelve a actualizar en un momento.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No space left on the server's temporary folder while %1.</source>
        <translation>No quedó espacio en la carpeta temporal del servidor mientras %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Free space in /tmp (or $TMPDIR) on the server; a snapshot needs about the database's size.</source>
        <translation>Libera espacio en /tmp (o $TMPDIR) en el servidor; una instantánea necesita más o menos el tamaño de la base de datos.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Failed while %1 for %2%3.</source>
        <translation>Falló mientras %1 para %2%3.</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (exit status %1)</source>
        <translation> (código de salida %1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server said: %1</source>
        <translation>El servidor respondió: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>
The server said: %1</source>
        <translation>
El servidor respondió: %1</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message numerus="yes">
        <location filename="../../app/desktop/DesktopNotifier.cpp" line="+21" />
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message>
        <location line="+84" />
        <source>%1: recovered after %2</source>
        <translation>%1: recuperado tras %2</translation>
    </message>
    <message numerus="yes">
        <location line="+24" />
        <source>%n problem(s) on %1</source>
        <translation><numerusform>%n problema en %1</numerusform><numerusform>%n problemas en %1</numerusform></translation>
    </message>
    <message>
        <location line="+29" />
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <location filename="../../app/metrics/HistoryStore.cpp" line="+65" />
        <source>Resource history: %1 failed</source>
        <translation>Historial de recursos: falló %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Cannot open the resource history at %1</source>
        <translation>No se puede abrir el historial de recursos en %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot prepare the resource history</source>
        <translation>No se puede preparar el historial de recursos</translation>
    </message>
    <message>
        <location line="+36" />
        <source>recording the session</source>
        <translation>el registro de la sesión</translation>
    </message>
    <message>
        <location line="+14" />
        <source>adding a series</source>
        <translation>el alta de una serie</translation>
    </message>
    <message>
        <location line="+4" />
        <source>finding a series</source>
        <translation>la búsqueda de una serie</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+106" />
        <source>Resource history is not open</source>
        <translation>El historial de recursos no está abierto</translation>
    </message>
    <message>
        <location line="-84" />
        <source>storing a sample</source>
        <translation>el guardado de una muestra</translation>
    </message>
    <message>
        <location line="+7" />
        <source>committing a sample</source>
        <translation>la confirmación de una muestra</translation>
    </message>
    <message>
        <location line="+17" />
        <source>storing an OOM kill</source>
        <translation>el guardado de un OOM kill</translation>
    </message>
    <message>
        <location line="+13" />
        <source>pruning</source>
        <translation>la depuración</translation>
    </message>
    <message>
        <location line="+50" />
        <location line="+12" />
        <location line="+27" />
        <source>Resource history: reading failed</source>
        <translation>Historial de recursos: falló la lectura</translation>
    </message>
    <message>
        <location line="-38" />
        <source>cannot open %1</source>
        <translation>no se puede abrir %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>out of memory</source>
        <translation>memoria agotada</translation>
    </message>
    <message>
        <location line="+3" />
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentRules</name>
    <message>
        <location filename="../../app/session/IncidentRules.cpp" line="+46" />
        <source>restarted %1 times, last exit code %2</source>
        <translation>reiniciado %1 veces, último código de salida %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>restarted %1 times</source>
        <translation>reiniciado %1 veces</translation>
    </message>
    <message>
        <location line="+8" />
        <source>killed out of memory (exit code %1)</source>
        <translation>terminado por falta de memoria (código de salida %1)</translation>
    </message>
    <message>
        <location line="+93" />
        <source>%1 is crash-looping</source>
        <translation>%1 falla y se reinicia en bucle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ran out of memory</source>
        <translation>%1 se quedó sin memoria</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 cannot pull its image</source>
        <translation>%1 no puede descargar su imagen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 has been Pending for over 2 minutes</source>
        <translation>%1 lleva más de 2 minutos en Pending</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Node %1 is NotReady</source>
        <translation>El nodo %1 está NotReady</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Node %1 is under pressure</source>
        <translation>El nodo %1 está bajo presión</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Memory is over 90 % of the budget</source>
        <translation>La memoria supera el 90 % del presupuesto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The rollout of %1 failed</source>
        <translation>El despliegue de %1 falló</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 has fewer replicas available than it wants</source>
        <translation>%1 tiene menos réplicas disponibles de las que pide</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The server is unreachable</source>
        <translation>No se puede llegar al servidor</translation>
    </message>
    <message>
        <location line="+15" />
        <source>not a cluster problem: the SSH connection is down</source>
        <translation>no es un problema del clúster: la conexión SSH está caída</translation>
    </message>
    <message>
        <location line="+42" />
        <source>%1 of %2 available</source>
        <translation>%1 de %2 disponibles</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 of %2 GiB in use</source>
        <translation>%1 de %2 GiB en uso</translation>
    </message>
</context>
<context>
    <name>InstanceBridge</name>
    <message>
        <location filename="../../app/desktop/InstanceBridge.cpp" line="+63" />
        <source>Another Vigía could not be told about this one: %1</source>
        <translation>No se pudo avisar a otro Vigía de este: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each `vigia NAME` opens a separate process until this is fixed.</source>
        <translation>Cada `vigia NOMBRE` abrirá un proceso aparte hasta que se arregle.</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <location filename="../../app/ssh/KnownHosts.cpp" line="+78" />
        <source>Could not initialise libssh2 to read known_hosts.</source>
        <translation>No se pudo inicializar libssh2 para leer known_hosts.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+138" />
        <source>Check the file's permissions.</source>
        <translation>Revisa los permisos del archivo.</translation>
    </message>
    <message>
        <location line="-37" />
        <source>Could not initialise libssh2 to write known_hosts.</source>
        <translation>No se pudo inicializar libssh2 para escribir known_hosts.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unsupported host key type "%1".</source>
        <translation>Tipo de clave de host no compatible: «%1».</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not record the host key.</source>
        <translation>No se pudo registrar la clave de host.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Could not format the known_hosts line.</source>
        <translation>No se pudo dar formato a la línea de known_hosts.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cannot create %1.</source>
        <translation>No se puede crear %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+11" />
        <source>Cannot append to %1: %2</source>
        <translation>No se puede agregar a %1: %2</translation>
    </message>
</context>
<context>
    <name>KubectlErrors</name>
    <message>
        <location filename="../../app/remote/KubectlErrors.cpp" line="+11" />
        <source>K3s writes /etc/rancher/k3s/k3s.yaml readable by root only. Either start K3s with --write-kubeconfig-mode 644 (or --write-kubeconfig-group), allow "sudo -n k3s kubectl" for this user (a NOPASSWD sudoers rule), or copy the kubeconfig to ~/.kube/config owned by this user and set the profile's kubectl command accordingly.</source>
        <translation>K3s escribe /etc/rancher/k3s/k3s.yaml legible solo para root. Inicia K3s con --write-kubeconfig-mode 644 (o --write-kubeconfig-group), permite "sudo -n k3s kubectl" para este usuario (una regla NOPASSWD en sudoers), o copia el kubeconfig a ~/.kube/config con este usuario como propietario y ajusta el comando de kubectl del perfil.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>sudo needs a password to run k3s kubectl.</source>
        <translation>sudo necesita una contraseña para ejecutar k3s kubectl.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vigía runs "sudo -n" and cannot type a password. Add a sudoers rule such as "youruser ALL=(root) NOPASSWD: /usr/local/bin/k3s kubectl *", or make the kubeconfig readable (k3s --write-kubeconfig-mode 644).</source>
        <translation>Vigía ejecuta "sudo -n" y no puede escribir una contraseña. Agrega una regla de sudoers como "tuusuario ALL=(root) NOPASSWD: /usr/local/bin/k3s kubectl *", o haz que el kubeconfig se pueda leer (k3s --write-kubeconfig-mode 644).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>sudo does not allow this user to run k3s kubectl: %1</source>
        <translation>sudo no permite que este usuario ejecute k3s kubectl: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add a NOPASSWD sudoers rule for k3s kubectl, or make the kubeconfig readable (k3s --write-kubeconfig-mode 644).</source>
        <translation>Agrega una regla NOPASSWD de sudoers para k3s kubectl, o haz que el kubeconfig se pueda leer (k3s --write-kubeconfig-mode 644).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>kubectl cannot read its kubeconfig %1: permission denied.</source>
        <translation>kubectl no puede leer su kubeconfig %1: permiso denegado.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>kubectl cannot read /etc/rancher/k3s/k3s.yaml: permission denied.</source>
        <translation>kubectl no puede leer /etc/rancher/k3s/k3s.yaml: permiso denegado.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 was not found on the server.</source>
        <translation>No se encontró %1 en el servidor.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Install K3s (it provides "k3s kubectl") or kubectl, make sure it is on the PATH of non-interactive SSH sessions, or set the kubectl command in the profile (for example /usr/local/bin/k3s kubectl).</source>
        <translation>Instala K3s (incluye "k3s kubectl") o kubectl, asegúrate de que esté en el PATH de las sesiones SSH no interactivas, o define el comando de kubectl en el perfil (por ejemplo /usr/local/bin/k3s kubectl).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>kubectl has no kubeconfig on the server (it tried localhost:8080).</source>
        <translation>kubectl no tiene kubeconfig en el servidor (intentó con localhost:8080).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On K3s use "k3s kubectl", set KUBECONFIG=/etc/rancher/k3s/k3s.yaml, or copy the kubeconfig to ~/.kube/config.</source>
        <translation>En K3s usa "k3s kubectl", define KUBECONFIG=/etc/rancher/k3s/k3s.yaml o copia el kubeconfig a ~/.kube/config.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The Kubernetes API at %1 refused the connection.</source>
        <translation>La API de Kubernetes en %1 rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+7" />
        <source>K3s is not running or its API is not listening: check `systemctl status k3s` and `journalctl -u k3s` on the server.</source>
        <translation>K3s no está corriendo o su API no está escuchando: revisa `systemctl status k3s` y `journalctl -u k3s` en el servidor.</translation>
    </message>
    <message>
        <location line="-1" />
        <source>The Kubernetes API refused the connection.</source>
        <translation>La API de Kubernetes rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The Kubernetes API did not answer in time.</source>
        <translation>La API de Kubernetes no respondió a tiempo.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server may be overloaded or K3s may be starting: check `systemctl status k3s` and the node's load.</source>
        <translation>Puede que el servidor esté sobrecargado o que K3s esté arrancando: revisa `systemctl status k3s` y la carga del nodo.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The Kubernetes API rejected kubectl's credentials (Unauthorized).</source>
        <translation>La API de Kubernetes rechazó las credenciales de kubectl (Unauthorized).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The kubeconfig's certificate or token is wrong or expired: copy a fresh one from /etc/rancher/k3s/k3s.yaml.</source>
        <translation>El certificado o el token del kubeconfig es incorrecto o ya expiró: copia uno nuevo de /etc/rancher/k3s/k3s.yaml.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The Kubernetes API refused the request: %1</source>
        <translation>La API de Kubernetes rechazó la solicitud: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The kubeconfig's user lacks RBAC permission for this; use the admin kubeconfig of K3s or grant the role.</source>
        <translation>El usuario del kubeconfig no tiene permiso RBAC para esto; usa el kubeconfig de administrador de K3s u otórgale el rol.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not found: %1</source>
        <translation>No encontrado: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The Kubernetes API failed: %1</source>
        <translation>Falló la API de Kubernetes: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check the K3s logs: `journalctl -u k3s`.</source>
        <translation>Revisa los logs de K3s: `journalctl -u k3s`.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>kubectl was killed (signal %1).</source>
        <translation>kubectl fue terminado (señal %1).</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+28" />
        <source>The server may be out of memory: check `dmesg` for the OOM killer.</source>
        <translation>Puede que el servidor se haya quedado sin memoria: busca el OOM killer en `dmesg`.</translation>
    </message>
    <message>
        <location line="-24" />
        <source>kubectl failed with exit code %1 and no message.</source>
        <translation>kubectl falló con el código de salida %1 y sin mensaje.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>kubectl failed: %1</source>
        <translation>kubectl falló: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The kubectl command was cancelled.</source>
        <translation>Se canceló el comando de kubectl.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>kubectl did not finish in time.</source>
        <translation>kubectl no terminó a tiempo.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server or its Kubernetes API is slow or stuck: check `systemctl status k3s` and the node's load.</source>
        <translation>El servidor o su API de Kubernetes está lento o atorado: revisa `systemctl status k3s` y la carga del nodo.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>kubectl was killed by signal %1%2</source>
        <translation>kubectl fue terminado por la señal %1%2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>kubectl ended without an exit status.</source>
        <translation>kubectl terminó sin código de salida.</translation>
    </message>
</context>
<context>
    <name>KubectlRunner</name>
    <message>
        <location filename="../../app/remote/KubectlRunner.cpp" line="+66" />
        <source>kubectl could not be run on the server.</source>
        <translation>No se pudo ejecutar kubectl en el servidor.</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+106" />
        <source>There is no SSH connection to run kubectl on.</source>
        <translation>No hay conexión SSH en la cual ejecutar kubectl.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>kubectl has not been found on this server yet.</source>
        <translation>Todavía no se ha encontrado kubectl en este servidor.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The SSH connection could not start a command.</source>
        <translation>La conexión SSH no pudo iniciar un comando.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>kubectl printed more than %1 MB; the output was dropped.</source>
        <translation>kubectl imprimió más de %1 MB; se descartó la salida.</translation>
    </message>
</context>
<context>
    <name>LogStream</name>
    <message>
        <location filename="../../app/logs/LogStream.cpp" line="+76" />
        <source>— reconnected at %1 —</source>
        <translation>— reconectado a las %1 —</translation>
    </message>
    <message>
        <location line="+74" />
        <source>— lines between %1 and %2 may be missing —</source>
        <translation>— pueden faltar líneas entre %1 y %2 —</translation>
    </message>
</context>
<context>
    <name>MetricsParsers</name>
    <message>
        <location filename="../../app/metrics/MetricsParsers.cpp" line="+37" />
        <source>%1: no JSON in the output</source>
        <translation>%1: no hay JSON en la salida</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1: malformed JSON (%2)</source>
        <translation>%1: JSON mal formado (%2)</translation>
    </message>
    <message>
        <location line="+62" />
        <source>/proc/meminfo has no MemTotal line</source>
        <translation>/proc/meminfo no tiene la línea MemTotal</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+8" />
        <source>/proc/loadavg is unreadable</source>
        <translation>/proc/loadavg no se puede leer</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unexpected cgroup value "%1"</source>
        <translation>Valor de cgroup inesperado: «%1»</translation>
    </message>
    <message>
        <location line="+9" />
        <source>K3s memory: no cgroup output</source>
        <translation>Memoria de K3s: el cgroup no dio salida</translation>
    </message>
    <message>
        <location line="+4" />
        <source>K3s's own memory is unavailable: no k3s.service cgroup (cgroup %1)</source>
        <translation>La memoria propia de K3s no está disponible: no hay cgroup de k3s.service (cgroup %1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>K3s may run outside systemd, or as k3s-agent.</source>
        <translation>Puede que K3s corra fuera de systemd, o como k3s-agent.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>K3s memory: unexpected cgroup output</source>
        <translation>Memoria de K3s: salida inesperada del cgroup</translation>
    </message>
    <message>
        <location line="+4" />
        <source>K3s's own memory is unavailable: permission denied reading its cgroup</source>
        <translation>La memoria propia de K3s no está disponible: permiso denegado al leer su cgroup</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The K3s data folder does not exist</source>
        <translation>La carpeta de datos de K3s no existe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Set the data folder in the profile (K3s's --data-dir).</source>
        <translation>Define la carpeta de datos en el perfil (el --data-dir de K3s).</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Disk use of the K3s data folder is unreadable</source>
        <translation>No se puede leer el uso de disco de la carpeta de datos de K3s</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Pod metrics</source>
        <translation>Métricas de pods</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pod metrics: "items" is not a list</source>
        <translation>Métricas de pods: "items" no es una lista</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Node metrics</source>
        <translation>Métricas de nodos</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Pod list</source>
        <translation>Lista de pods</translation>
    </message>
    <message>
        <location line="+80" />
        <source>Node list</source>
        <translation>Lista de nodos</translation>
    </message>
</context>
<context>
    <name>PodParser</name>
    <message>
        <location filename="../../app/kube/PodParser.cpp" line="+106" />
        <source>A pod without a name was skipped.</source>
        <translation>Se omitió un pod sin nombre.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>kubectl returned no pod list (empty output).</source>
        <translation>kubectl no devolvió una lista de pods (salida vacía).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The command may have been cut off: try again.</source>
        <translation>Puede que el comando se haya cortado: inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The pod list from kubectl is incomplete: the JSON ends early (%1 at byte %2 of %3).</source>
        <translation>La lista de pods de kubectl está incompleta: el JSON termina antes de tiempo (%1 en el byte %2 de %3).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The pod list from kubectl is not valid JSON (%1 at byte %2).</source>
        <translation>La lista de pods de kubectl no es JSON válido (%1 en el byte %2).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>kubectl or the connection may have been cut off mid-output: try again.</source>
        <translation>Puede que kubectl o la conexión se hayan cortado a media salida: inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The pod list from kubectl is not a JSON object.</source>
        <translation>La lista de pods de kubectl no es un objeto JSON.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The Kubernetes API answered with an error: %1</source>
        <translation>La API de Kubernetes respondió con un error: %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>kubectl's output is not a pod list (kind "%1", no items).</source>
        <translation>La salida de kubectl no es una lista de pods (kind «%1», sin items).</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <location filename="../../app/profiles/ProfileStore.cpp" line="+147" />
        <source>The profile needs a name.</source>
        <translation>El perfil necesita un nombre.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The profile needs a host: a name, an address or an ~/.ssh/config alias.</source>
        <translation>El perfil necesita un host: un nombre, una dirección o un alias de ~/.ssh/config.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>"%1" is not a valid host name.</source>
        <translation>«%1» no es un nombre de host válido.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put the user and port in their own fields.</source>
        <translation>Pon el usuario y el puerto en sus propios campos.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The port must be between 1 and 65535.</source>
        <translation>El puerto debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+210" />
        <source>"%1" is not a valid user name.</source>
        <translation>«%1» no es un nombre de usuario válido.</translation>
    </message>
    <message>
        <location line="-206" />
        <source>Sample every %1 to %2 seconds.</source>
        <translation>Toma muestras cada %1 a %2 segundos.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The RAM budget must be positive, or empty to take it from the node.</source>
        <translation>El presupuesto de RAM debe ser positivo, o quedar vacío para tomarlo del nodo.</translation>
    </message>
    <message>
        <location line="+26" />
        <location line="+18" />
        <source>A profile called "%1" already exists.</source>
        <translation>Ya existe un perfil llamado «%1».</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+21" />
        <source>There is no profile called "%1".</source>
        <translation>No hay ningún perfil llamado «%1».</translation>
    </message>
    <message>
        <location line="-6" />
        <source>The profiles file is locked by another Vigía.</source>
        <translation>Otro Vigía tiene bloqueado el archivo de perfiles.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The change was kept for this session; choose it again once the other window is idle.</source>
        <translation>El cambio se conservó para esta sesión; elígelo de nuevo cuando la otra ventana esté inactiva.</translation>
    </message>
    <message>
        <location line="+87" />
        <source>"%1": the user before '@' is empty.</source>
        <translation>«%1»: el usuario antes de '@' está vacío.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>"%1": missing ']' after the IPv6 address.</source>
        <translation>«%1»: falta ']' después de la dirección IPv6.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>"%1": expected ':port' after ']'.</source>
        <translation>«%1»: se esperaba ':puerto' después de ']'.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+8" />
        <source>"%1": the port after ':' is empty.</source>
        <translation>«%1»: el puerto después de ':' está vacío.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>"%1": "%2" is not a port number (1-65535).</source>
        <translation>«%1»: «%2» no es un número de puerto (1-65535).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>"%1" has no host.</source>
        <translation>«%1» no tiene host.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Use a profile name, an ~/.ssh/config alias, or [user@]host[:port].</source>
        <translation>Usa un nombre de perfil, un alias de ~/.ssh/config o [usuario@]host[:puerto].</translation>
    </message>
    <message>
        <location line="-1" />
        <source>"%1" is not a valid host.</source>
        <translation>«%1» no es un host válido.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 uses ProxyJump (%2) in ~/.ssh/config: ProxyJump is not supported yet; connect to the jump host's target directly or use an SSH tunnel.</source>
        <translation>%1 usa ProxyJump (%2) en ~/.ssh/config: ProxyJump todavía no es compatible; conéctate directamente al destino del host de salto o usa un túnel SSH.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>For example run `ssh -L 2222:%1:22 %2` and connect Vigía to localhost:2222.</source>
        <translation>Por ejemplo, ejecuta `ssh -L 2222:%1:22 %2` y conecta Vigía a localhost:2222.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 uses ProxyCommand in ~/.ssh/config: ProxyCommand is not supported yet; connect to the target directly or use an SSH tunnel.</source>
        <translation>%1 usa ProxyCommand en ~/.ssh/config: ProxyCommand todavía no es compatible; conéctate directamente al destino o usa un túnel SSH.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Nothing to connect to.</source>
        <translation>No hay a qué conectarse.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Give a profile name, an ~/.ssh/config alias, or [user@]host[:port].</source>
        <translation>Indica un nombre de perfil, un alias de ~/.ssh/config o [usuario@]host[:puerto].</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <location filename="../../app/kube/Quantity.cpp" line="+13" />
        <source>Not a Kubernetes quantity: "%1" (%2)</source>
        <translation>No es una cantidad de Kubernetes: «%1» (%2)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>empty</source>
        <translation>vacía</translation>
    </message>
    <message>
        <location line="+23" />
        <source>no number</source>
        <translation>sin número</translation>
    </message>
    <message>
        <location line="+4" />
        <source>bad number</source>
        <translation>número incorrecto</translation>
    </message>
    <message>
        <location line="+11" />
        <source>bad exponent</source>
        <translation>exponente incorrecto</translation>
    </message>
    <message>
        <location line="+21" />
        <source>unknown suffix "%1"</source>
        <translation>sufijo desconocido «%1»</translation>
    </message>
    <message>
        <location line="+15" />
        <source>out of range</source>
        <translation>fuera de rango</translation>
    </message>
</context>
<context>
    <name>ReadOnlyGate</name>
    <message>
        <location filename="../../app/remote/ReadOnlyGate.cpp" line="+108" />
        <source>read-only profile: %1 refused</source>
        <translation>perfil de solo lectura: se rechazó %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This profile is read-only (profile setting or --read-only). Edit the profile to allow changes.</source>
        <translation>Este perfil es de solo lectura (por su configuración o por --read-only). Edita el perfil para permitir cambios.</translation>
    </message>
</context>
<context>
    <name>ResourceWatcher</name>
    <message>
        <location filename="../../app/kube/ResourceWatcher.cpp" line="+63" />
        <source>Vigía lists and watches again by itself; the table keeps the last good data meanwhile.</source>
        <translation>Vigía vuelve a listar y a vigilar por sí solo; mientras tanto, la tabla conserva los últimos datos buenos.</translation>
    </message>
    <message>
        <location line="+87" />
        <source>Vigía cannot watch "%1" in namespace "%2".</source>
        <translation>Vigía no puede vigilar «%1» en el namespace «%2».</translation>
    </message>
    <message>
        <location line="+105" />
        <source>There is no connection to list %1 on.</source>
        <translation>No hay conexión en la cual listar %1.</translation>
    </message>
    <message>
        <location line="+40" />
        <source>The %1 list from kubectl was cut off or unreadable (%2).</source>
        <translation>La lista de %1 de kubectl llegó cortada o ilegible (%2).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no items</source>
        <translation>sin items</translation>
    </message>
    <message>
        <location line="+69" />
        <source>The watch of %1 could not be started.</source>
        <translation>No se pudo iniciar la vigilancia de %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The SSH connection is down or kubectl was not detected.</source>
        <translation>La conexión SSH está caída o no se detectó kubectl.</translation>
    </message>
    <message>
        <location line="+116" />
        <source>The watch of %1 expired (410 Gone: %2).</source>
        <translation>La vigilancia de %1 expiró (410 Gone: %2).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The API ended the watch of %1: %2</source>
        <translation>La API terminó la vigilancia de %1: %2</translation>
    </message>
    <message>
        <location line="+76" />
        <source>The watch of %1 was cut off mid-object (truncated JSON).</source>
        <translation>La vigilancia de %1 se cortó a mitad de un objeto (JSON truncado).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The watch of %1 ended unexpectedly.</source>
        <translation>La vigilancia de %1 terminó de forma inesperada.</translation>
    </message>
</context>
<context>
    <name>RolloutHistory</name>
    <message>
        <location filename="../../app/actions/RolloutHistory.cpp" line="+82" />
        <source>kubectl's answer about the workload could not be read (%1).</source>
        <translation>No se pudo leer la respuesta de kubectl sobre la carga de trabajo (%1).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>kubectl's answer has no workload name.</source>
        <translation>La respuesta de kubectl no trae el nombre de la carga de trabajo.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>The ReplicaSet list could not be read (%1).</source>
        <translation>No se pudo leer la lista de ReplicaSets (%1).</translation>
    </message>
</context>
<context>
    <name>RolloutState</name>
    <message>
        <location filename="../../app/actions/RolloutState.cpp" line="+77" />
        <source>Waiting for the first status…</source>
        <translation>Esperando el primer estado…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Not finished after %1: %2</source>
        <translation>Sin terminar después de %1: %2</translation>
    </message>
    <message>
        <location line="+30" />
        <source>%1 %2 no longer exists.</source>
        <translation>%1 %2 ya no existe.</translation>
    </message>
    <message>
        <location line="+96" />
        <source>Waiting for the controller to pick up the change…</source>
        <translation>Esperando a que el controlador tome el cambio…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Failed: the rollout exceeded its progress deadline (%1 of %2 new replicas updated, %3 available).</source>
        <translation>Falló: el rollout rebasó su plazo de avance (%1 de %2 réplicas nuevas actualizadas, %3 disponibles).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Failed: new pod %1 is crash-looping (CrashLoopBackOff).</source>
        <translation>Falló: el pod nuevo %1 se cae una y otra vez (CrashLoopBackOff).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed: new pod %1 cannot pull its image (ImagePullBackOff).</source>
        <translation>Falló: el pod nuevo %1 no puede descargar su imagen (ImagePullBackOff).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 of %2 new replicas updated; starting new pods…</source>
        <translation>%1 de %2 réplicas nuevas actualizadas; iniciando pods nuevos…</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n old replica(s) pending termination…</source>
        <translation>
            <numerusform>%n réplica anterior pendiente de terminar…</numerusform>
            <numerusform>%n réplicas anteriores pendientes de terminar…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of %2 updated replicas available; waiting for readiness…</source>
        <translation>%1 de %2 réplicas actualizadas disponibles; esperando a que estén listas…</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Stopping %n extra replica(s)…</source>
        <translation>
            <numerusform>Deteniendo %n réplica de más…</numerusform>
            <numerusform>Deteniendo %n réplicas de más…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Waiting for %n pod(s) to be ready…</source>
        <translation>
            <numerusform>Esperando a que %n pod esté listo…</numerusform>
            <numerusform>Esperando a que %n pods estén listos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of %2 pods updated…</source>
        <translation>%1 de %2 pods actualizados…</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Stopping %n extra pod(s)…</source>
        <translation>
            <numerusform>Deteniendo %n pod de más…</numerusform>
            <numerusform>Deteniendo %n pods de más…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 of %2 nodes run the new pod…</source>
        <translation>%1 de %2 nodos corren el pod nuevo…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2 updated pods available…</source>
        <translation>%1 de %2 pods actualizados disponibles…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Rolled out in %1.</source>
        <translation>Rollout completado en %1.</translation>
    </message>
</context>
<context>
    <name>RolloutTracker</name>
    <message>
        <location filename="../../app/actions/RolloutTracker.cpp" line="+59" />
        <source>Nothing to follow for this object.</source>
        <translation>No hay nada que seguir para este objeto.</translation>
    </message>
    <message>
        <location line="+44" />
        <source>%1 no longer exists.</source>
        <translation>%1 ya no existe.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Could not follow the rollout: %1</source>
        <translation>No se pudo seguir el rollout: %1</translation>
    </message>
</context>
<context>
    <name>Sampler</name>
    <message>
        <source>reads memory, load, disk use and metrics (kubectl get)</source>
        <translation>lee memoria, carga, uso de disco y métricas (kubectl get)</translation>
    </message>
    <message>
        <location filename="../../app/metrics/Sampler.cpp" line="+89" />
        <source>metrics-server is not installed or not ready: no %1</source>
        <translation>metrics-server no está instalado o no está listo: sin %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 unavailable: %2</source>
        <translation>%1 no disponible: %2</translation>
    </message>
    <message>
        <location line="+83" />
        <source>Host memory unavailable: %1</source>
        <translation>Memoria del host no disponible: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Host memory unavailable: no /proc/meminfo output</source>
        <translation>Memoria del host no disponible: /proc/meminfo no dio salida</translation>
    </message>
    <message>
        <location line="+20" />
        <source>cgroup v1: K3s's memory includes its page cache</source>
        <translation>cgroup v1: la memoria de K3s incluye su caché de páginas</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Disk use of the K3s data folder is partial: permission denied on some files</source>
        <translation>El uso de disco de la carpeta de datos de K3s es parcial: permiso denegado en algunos archivos</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Per-pod metrics unreadable: %1</source>
        <translation>No se pueden leer las métricas por pod: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>per-pod CPU and memory</source>
        <translation>CPU y memoria por pod</translation>
    </message>
    <message>
        <location line="+3" />
        <source>kubectl not detected: no per-pod CPU and memory</source>
        <translation>No se detectó kubectl: sin CPU ni memoria por pod</translation>
    </message>
    <message>
        <location line="+13" />
        <source>node usage</source>
        <translation>uso del nodo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The sample was cut short</source>
        <translation>La muestra quedó incompleta</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Could not start the sampler command</source>
        <translation>No se pudo iniciar el comando de muestreo</translation>
    </message>
    <message>
        <location line="+16" />
        <source>the sampler timed out</source>
        <translation>se agotó el tiempo del muestreo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No sample: %1</source>
        <translation>Sin muestra: %1</translation>
    </message>
</context>
<context>
    <name>ServerLogSource</name>
    <message>
        <location filename="../../app/logs/ServerLogSource.cpp" line="+59" />
        <source>the command could not be started</source>
        <translation>no se pudo iniciar el comando</translation>
    </message>
    <message>
        <location line="+6" />
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no k3s entries visible to this user</source>
        <translation>este usuario no puede ver entradas de k3s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>To fix: add the SSH user to the systemd-journal group (sudo usermod -aG systemd-journal USER), allow it `sudo -n journalctl`, or make /var/log/k3s.log readable.</source>
        <translation>Para arreglarlo: agrega el usuario SSH al grupo systemd-journal (sudo usermod -aG systemd-journal USUARIO), permítele `sudo -n journalctl`, o haz que /var/log/k3s.log se pueda leer.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../app/session/Session.cpp" line="+60" />
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Verifying host key</source>
        <translation>Verificando la clave de host</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Authenticating</source>
        <translation>Autenticando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Looking for kubectl</source>
        <translation>Buscando kubectl</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Loading pods</source>
        <translation>Cargando pods</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connection lost</source>
        <translation>Conexión perdida</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connection failed</source>
        <translation>Falló la conexión</translation>
    </message>
    <message>
        <location line="+97" />
        <source>Disconnected from the server.</source>
        <translation>Desconectado del servidor.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reconnect to see live data again.</source>
        <translation>Reconéctate para volver a ver datos en vivo.</translation>
    </message>
</context>
<context>
    <name>SnapshotCache</name>
    <message>
        <location filename="../../app/db/SnapshotCache.cpp" line="+46" />
        <source>Could not create the snapshot folder %1.</source>
        <translation>No se pudo crear la carpeta de instantáneas %1.</translation>
    </message>
    <message>
        <location line="+33" />
        <location line="+5" />
        <source>Could not write snapshot details in %1.</source>
        <translation>No se pudieron escribir los detalles de la instantánea en %1.</translation>
    </message>
    <message>
        <location line="+39" />
        <location line="+1" />
        <source>as of %1</source>
        <translation>al %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotJob</name>
    <message>
        <location filename="../../app/db/SnapshotJob.cpp" line="+70" />
        <source>Checking %1…</source>
        <translation>Revisando %1…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Snapshot cancelled.</source>
        <translation>Se canceló la instantánea.</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Permission denied; trying sudo -n…</source>
        <translation>Permiso denegado; intentando con sudo -n…</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Taking a snapshot on the server (attempt %1 of %2)…</source>
        <translation>Tomando una instantánea en el servidor (intento %1 de %2)…</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Downloading the snapshot…</source>
        <translation>Descargando la instantánea…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Copying the database and its -wal (no sqlite3 on the server; attempt %1 of %2)…</source>
        <translation>Copiando la base de datos y su -wal (no hay sqlite3 en el servidor; intento %1 de %2)…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The app was writing to the database while it was being copied, so the copy could be torn.</source>
        <translation>La aplicación estaba escribiendo en la base de datos mientras se copiaba, así que la copia podría estar incompleta.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Take the snapshot again in a moment.</source>
        <translation>Vuelve a tomar la instantánea en un momento.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The database was checkpointed while it was being copied, so the copy could be torn.</source>
        <translation>La base de datos hizo un checkpoint mientras se copiaba, así que la copia podría estar incompleta.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Install sqlite3 on the server for snapshots that do not depend on timing.</source>
        <translation>Instala sqlite3 en el servidor para tener instantáneas que no dependan del momento en que se toman.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Could not write the local copy (disk full?).</source>
        <translation>No se pudo escribir la copia local (¿disco lleno?).</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Verifying the copy…</source>
        <translation>Verificando la copia…</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The server took too long while %1.</source>
        <translation>El servidor tardó demasiado mientras %1.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No consistent snapshot after %1 attempts: %2</source>
        <translation>No se logró una instantánea consistente después de %1 intentos: %2</translation>
    </message>
</context>
<context>
    <name>SnapshotPlanner</name>
    <message>
        <source>reads the database file&apos;s size, owner and first bytes</source>
        <translation>lee el tamaño, el dueño y los primeros bytes del archivo de la base de datos</translation>
    </message>
    <message>
        <source>reads the database file&apos;s size and time and the WAL&apos;s header</source>
        <translation>lee el tamaño y la hora del archivo de la base de datos y la cabecera del WAL</translation>
    </message>
    <message>
        <source>reads a file beside the database</source>
        <translation>lee un archivo junto a la base de datos</translation>
    </message>
    <message>
        <source>makes a private temporary folder of the SSH user&apos;s own, and reads its free space</source>
        <translation>crea una carpeta temporal privada del usuario SSH y lee su espacio libre</translation>
    </message>
    <message>
        <source>copies the database, opened read-only, into Vigía&apos;s own temporary folder, sends the copy and removes the folder</source>
        <translation>copia la base de datos, abierta en solo lectura, en la carpeta temporal de Vigía, envía la copia y borra la carpeta</translation>
    </message>
    <message>
        <source>removes the SSH user&apos;s own snapshot folders left over two hours ago</source>
        <translation>borra las carpetas de instantánea del usuario SSH que quedaron hace más de dos horas</translation>
    </message>
    <message>
        <location filename="../../app/db/SnapshotPlanner.cpp" line="+84" />
        <source>Unexpected answer from the server while checking the database file.</source>
        <translation>Respuesta inesperada del servidor al revisar el archivo de la base de datos.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Unexpected file size from the server.</source>
        <translation>Tamaño de archivo inesperado del servidor.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The app has the database closed, and opening it would create files beside it: copying it instead.</source>
        <translation>La app tiene la base de datos cerrada y abrirla crearía archivos junto a ella: se copia en su lugar.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database uses a rollback journal, where a snapshot would block the app's writes: copying it instead.</source>
        <translation>La base de datos usa un diario de reversión (rollback journal), donde una instantánea bloquearía las escrituras de la app: se copia en su lugar.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The server's mktemp returned an unexpected folder name.</source>
        <translation>El mktemp del servidor devolvió un nombre de carpeta inesperado.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Not enough room on the server for a snapshot: %1 MB free in %2, and a %3 MB copy would leave less than 10 % of that disk free.</source>
        <translation>No hay espacio suficiente en el servidor para una instantánea: %1 MB libres en %2, y una copia de %3 MB dejaría libre menos del 10 % de ese disco.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Free some space on the server (or point TMPDIR at a larger disk for the SSH user), then take the snapshot again. Nothing was written.</source>
        <translation>Libera espacio en el servidor (o apunta TMPDIR a un disco más grande para el usuario SSH) y vuelve a tomar la instantánea. No se escribió nada.</translation>
    </message>
</context>
<context>
    <name>SnapshotReader</name>
    <message>
        <location filename="../../app/db/SnapshotReader.cpp" line="+33" />
        <location line="+15" />
        <location line="+21" />
        <location line="+73" />
        <source>Could not open the snapshot.</source>
        <translation>No se pudo abrir la instantánea.</translation>
    </message>
    <message>
        <location line="-105" />
        <source>Could not list the tables.</source>
        <translation>No se pudieron listar las tablas.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Could not read the columns of %1.</source>
        <translation>No se pudieron leer las columnas de %1.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Map the start and client columns first.</source>
        <translation>Primero asigna las columnas de inicio y de cliente.</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+6" />
        <source>Could not read appointments from %1.</source>
        <translation>No se pudieron leer las citas de %1.</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Could not read quotes.</source>
        <translation>No se pudieron leer las cotizaciones.</translation>
    </message>
</context>
<context>
    <name>SnapshotVerifier</name>
    <message>
        <location filename="../../app/db/SnapshotVerifier.cpp" line="+26" />
        <source>out of memory</source>
        <translation>memoria agotada</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The copy of %1 is not an SQLite database.</source>
        <translation>La copia de %1 no es una base de datos SQLite.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The copy of %1 is damaged and was refused.</source>
        <translation>La copia de %1 está dañada y se rechazó.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Could not read the copy of %1.</source>
        <translation>No se pudo leer la copia de %1.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>The local copy %1 is missing.</source>
        <translation>Falta la copia local %1.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The copy of %1 failed its integrity check and was refused.</source>
        <translation>La copia de %1 no pasó la verificación de integridad y se rechazó.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Could not store the snapshot in %1.</source>
        <translation>No se pudo guardar la instantánea en %1.</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <location filename="../../app/ssh/SshConfig.cpp" line="+139" />
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <location line="+52" />
        <source>%1: unbalanced quotes, line ignored</source>
        <translation>%1: comillas desbalanceadas, se ignoró la línea</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: Host without patterns</source>
        <translation>%1: Host sin patrones</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1: Match blocks are not supported; their settings are ignored</source>
        <translation>%1: los bloques Match no son compatibles; se ignoran sus opciones</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1: Include nested too deeply, ignored</source>
        <translation>%1: Include anidado demasiado profundo, se ignoró</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1: cannot read included %2</source>
        <translation>%1: no se puede leer el archivo incluido %2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: %2 without a value</source>
        <translation>%1: %2 sin valor</translation>
    </message>
</context>
<context>
    <name>SshWorker</name>
    <message>
        <location filename="../../app/ssh/SshWorker.cpp" line="+175" />
        <source>Timed out connecting to %1:%2.</source>
        <translation>Se agotó el tiempo al conectar con %1:%2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check that the server is up and reachable, and that the port is right.</source>
        <translation>Revisa que el servidor esté encendido y accesible, y que el puerto sea el correcto.</translation>
    </message>
    <message>
        <location line="+39" />
        <source>The connection to %1 was closed (%2).</source>
        <translation>Se cerró la conexión con %1 (%2).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server or the network dropped it; connect again.</source>
        <translation>El servidor o la red la cortó; vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>SSH error while %1: %2 (libssh2 %3).</source>
        <translation>Error de SSH al %1: %2 (libssh2 %3).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>libssh2 could not be initialised.</source>
        <translation>No se pudo inicializar libssh2.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Cannot resolve host name "%1": %2</source>
        <translation>No se puede resolver el nombre de host «%1»: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check the host name in the profile or in ~/.ssh/config.</source>
        <translation>Revisa el nombre de host en el perfil o en ~/.ssh/config.</translation>
    </message>
    <message>
        <location line="+49" />
        <location line="+30" />
        <source>Connection refused by %1:%2.</source>
        <translation>%1:%2 rechazó la conexión.</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+30" />
        <source>Is sshd running there, and is the port right?</source>
        <translation>¿Está corriendo sshd ahí, y el puerto es el correcto?</translation>
    </message>
    <message>
        <location line="-27" />
        <location line="+30" />
        <source>Cannot connect to %1:%2: %3.</source>
        <translation>No se puede conectar con %1:%2: %3.</translation>
    </message>
    <message>
        <location line="-26" />
        <location line="+30" />
        <source>Check the host, the port and the network.</source>
        <translation>Revisa el host, el puerto y la red.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>libssh2 could not create a session.</source>
        <translation>libssh2 no pudo crear una sesión.</translation>
    </message>
    <message>
        <location line="+111" />
        <source>negotiating the SSH session</source>
        <translation>negociar la sesión SSH</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Is this an SSH server? Its algorithms may not be supported by libssh2 %1.</source>
        <translation>¿Es un servidor SSH? Puede que libssh2 %1 no admita sus algoritmos.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The server sent no host key.</source>
        <translation>El servidor no envió clave de host.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>WARNING: THE HOST KEY OF %1 HAS CHANGED! Someone could be eavesdropping on you right now (man-in-the-middle attack), or the server was reinstalled. The server presented %2 key %3, but %4 line %5 records %6 key %7. Vigía refused to connect.</source>
        <translation>ADVERTENCIA: ¡LA CLAVE DE HOST DE %1 CAMBIÓ! Alguien podría estar espiándote en este momento (ataque de intermediario, man-in-the-middle), o el servidor se reinstaló. El servidor presentó la clave %2 %3, pero %4, línea %5, registra la clave %6 %7. Vigía se negó a conectarse.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>If you know why the key changed, remove the old key (ssh-keygen -R "%1" -f %2, or delete line %3) and connect again.</source>
        <translation>Si sabes por qué cambió la clave, elimina la clave anterior (ssh-keygen -R "%1" -f %2, o borra la línea %3) y vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>WARNING: %1 presented a %2 key (%3), but %4 records only %5 keys for it. The server stopped offering the key type on record: it may have been reinstalled, or someone else is answering (man-in-the-middle attack). Vigía refused to connect.</source>
        <translation>ADVERTENCIA: %1 presentó una clave %2 (%3), pero %4 solo registra claves %5 para él. El servidor dejó de ofrecer el tipo de clave registrado: pudo haberse reinstalado, o alguien más está respondiendo (ataque de intermediario, man-in-the-middle). Vigía se negó a conectarse.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Check the server's keys (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on it). If the change is expected, remove the old entry (ssh-keygen -R "%1" -f %2) and connect again.</source>
        <translation>Revisa las claves del servidor (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub en él). Si el cambio era de esperarse, elimina la entrada anterior (ssh-keygen -R "%1" -f %2) y vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>The host key of %1 is not the one you were shown (%2), so it was not trusted.</source>
        <translation>La clave de host de %1 no es la que se te mostró (%2), así que no se confió en ella.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Connect again and compare the new fingerprint.</source>
        <translation>Vuelve a conectarte y compara la nueva huella.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>You did not trust the host key of %1.</source>
        <translation>No confiaste en la clave de host de %1.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>asking for the authentication methods</source>
        <translation>pedir los métodos de autenticación</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The server does not accept key authentication (it offers: %1).</source>
        <translation>El servidor no acepta autenticación con clave (ofrece: %1).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vigía logs in with SSH keys only; enable PubkeyAuthentication in sshd_config.</source>
        <translation>Vigía solo inicia sesión con claves SSH; activa PubkeyAuthentication en sshd_config.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>%1: no such file</source>
        <translation>%1: no existe el archivo</translation>
    </message>
    <message>
        <location line="+42" />
        <source>authenticating</source>
        <translation>autenticar</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1: wrong passphrase</source>
        <translation>%1: frase de contraseña incorrecta</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: refused</source>
        <translation>%1: rechazada</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1: skipped (no passphrase)</source>
        <translation>%1: omitida (sin frase de contraseña)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The server refused the RSA key: libssh2 %1 cannot sign with rsa-sha2-256/512 (it only offers SHA-1 "ssh-rsa", which OpenSSH 8.8+ refuses).</source>
        <translation>El servidor rechazó la clave RSA: libssh2 %1 no puede firmar con rsa-sha2-256/512 (solo ofrece SHA-1 "ssh-rsa", que OpenSSH 8.8+ rechaza).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Use an ed25519 key (ssh-keygen -t ed25519) and add it to the server's authorized_keys, or use a Vigía built against libssh2 1.11 or later.</source>
        <translation>Usa una clave ed25519 (ssh-keygen -t ed25519) y agrégala al authorized_keys del servidor, o usa un Vigía compilado con libssh2 1.11 o posterior.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>no keys were found</source>
        <translation>no se encontraron claves</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The server refused every key for user "%1" (%2).</source>
        <translation>El servidor rechazó todas las claves del usuario «%1» (%2).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add your public key to ~/.ssh/authorized_keys on the server, or choose the right key file and user in the profile.</source>
        <translation>Agrega tu clave pública a ~/.ssh/authorized_keys en el servidor, o elige el archivo de clave y el usuario correctos en el perfil.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>The server closed the connection to %1.</source>
        <translation>El servidor cerró la conexión con %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connect again.</source>
        <translation>Vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The connection to %1 is dead: nothing arrived for %2 seconds.</source>
        <translation>La conexión con %1 está muerta: no llegó nada en %2 segundos.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The server or the network stopped answering; connect again.</source>
        <translation>El servidor o la red dejó de responder; vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>sending a keepalive</source>
        <translation>enviar un keepalive</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Connect first.</source>
        <translation>Conéctate primero.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The command did not finish within %1 s.</source>
        <translation>El comando no terminó en %1 s.</translation>
    </message>
    <message>
        <location line="+175" />
        <source>opening a channel</source>
        <translation>abrir un canal</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The server refused to open a channel: %1</source>
        <translation>El servidor se negó a abrir un canal: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sshd's MaxSessions may be too low.</source>
        <translation>Puede que el MaxSessions de sshd sea demasiado bajo.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>requesting a terminal</source>
        <translation>pedir una terminal</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The server refused a terminal: %1</source>
        <translation>El servidor rechazó una terminal: %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>starting a command</source>
        <translation>iniciar un comando</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The server refused to run the command: %1</source>
        <translation>El servidor se negó a ejecutar el comando: %1</translation>
    </message>
    <message>
        <location line="+38" />
        <source>reading command output</source>
        <translation>leer la salida del comando</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reading the command's output failed: %1</source>
        <translation>Falló la lectura de la salida del comando: %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>writing to a command</source>
        <translation>escribir a un comando</translation>
    </message>
    <message>
        <location line="+9" />
        <source>closing stdin</source>
        <translation>cerrar stdin</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+34" />
        <source>closing a channel</source>
        <translation>cerrar un canal</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The connection was closed.</source>
        <translation>Se cerró la conexión.</translation>
    </message>
</context>
<context>
    <name>TableBrowserModel</name>
    <message>
        <location filename="../../app/db/TableBrowserModel.cpp" line="+30" />
        <source>Could not open the snapshot %1.</source>
        <translation>No se pudo abrir la instantánea %1.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>No snapshot is open.</source>
        <translation>No hay ninguna instantánea abierta.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The table %1 has no columns or does not exist.</source>
        <translation>La tabla %1 no tiene columnas o no existe.</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Could not count rows.</source>
        <translation>No se pudieron contar las filas.</translation>
    </message>
</context>
<context>
    <name>WatchStreamParser</name>
    <message>
        <location filename="../../app/kube/WatchStreamParser.cpp" line="+57" />
        <location line="+7" />
        <source>Unexpected text in the watch stream: %1</source>
        <translation>Texto inesperado en el flujo de vigilancia: %1</translation>
    </message>
    <message>
        <location line="+37" />
        <source>A watch event larger than %1 MB was dropped.</source>
        <translation>Se descartó un evento de vigilancia de más de %1 MB.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>A watch event was not valid JSON (%1).</source>
        <translation>Un evento de vigilancia no era JSON válido (%1).</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Unknown watch event type "%1".</source>
        <translation>Tipo de evento de vigilancia desconocido: «%1».</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The watch stream ended inside an event (%1 bytes left unfinished): the JSON was truncated.</source>
        <translation>El flujo de vigilancia terminó a mitad de un evento (%1 bytes sin terminar): el JSON quedó truncado.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>kubectl or the connection stopped mid-event; the view will list again.</source>
        <translation>kubectl o la conexión se detuvo a mitad de un evento; la vista volverá a listar.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The watch stream ended with unexpected text: %1</source>
        <translation>El flujo de vigilancia terminó con texto inesperado: %1</translation>
    </message>
</context>
<context>
    <name>vigia::db::AppointmentModel</name>
    <message>
        <location filename="../../app/db/AppointmentModel.cpp" line="+338" />
        <source>%1 (%2)
Your local time: %3</source>
        <translation>%1 (%2)
Tu hora local: %3</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>vigia::db::QuoteModel</name>
    <message>
        <location filename="../../app/db/QuoteModel.cpp" line="+97" />
        <source>Your local time: %1</source>
        <translation>Tu hora local: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Double-click to write to %1</source>
        <translation>Haz doble clic para escribirle a %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Project types</source>
        <translation>Tipos de proyecto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>vigia::db::TableBrowserModel</name>
    <message>
        <location filename="../../app/db/TableBrowserModel.cpp" line="+53" />
        <source>&lt;BLOB %1 bytes&gt;</source>
        <translation>&lt;BLOB de %1 bytes&gt;</translation>
    </message>
</context>
<context>
    <name>CommandGate</name>
    <message>
        <source>it is not spelled by Vigía&apos;s own quoting</source>
        <translation>no está escrita con el entrecomillado de Vigía</translation>
    </message>
    <message>
        <source>it runs nothing</source>
        <translation>no ejecuta nada</translation>
    </message>
    <message>
        <source>kubectl with a verb or flag that can change the cluster</source>
        <translation>kubectl con un verbo u opción que puede cambiar el clúster</translation>
    </message>
    <message>
        <source>kubectl with a read verb</source>
        <translation>kubectl con un verbo de lectura</translation>
    </message>
    <message>
        <source>only kubectl runs with an environment</source>
        <translation>solo kubectl se ejecuta con un entorno</translation>
    </message>
    <message>
        <source>reads a file or a fact of the server</source>
        <translation>lee un archivo o un dato del servidor</translation>
    </message>
    <message>
        <source>find with an action that writes, deletes or runs something</source>
        <translation>find con una acción que escribe, borra o ejecuta algo</translation>
    </message>
    <message>
        <source>lists files</source>
        <translation>lista archivos</translation>
    </message>
    <message>
        <source>journalctl with a maintenance flag</source>
        <translation>journalctl con una opción de mantenimiento</translation>
    </message>
    <message>
        <source>reads the journal</source>
        <translation>lee el journal</translation>
    </message>
    <message>
        <source>removes Vigía&apos;s own temporary snapshot folder</source>
        <translation>borra la carpeta temporal de instantánea de Vigía</translation>
    </message>
    <message>
        <source>it removes files</source>
        <translation>borra archivos</translation>
    </message>
    <message>
        <source>a script Vigía does not know as read-only</source>
        <translation>un script que Vigía no conoce como de solo lectura</translation>
    </message>
    <message>
        <source>this script may not run under sudo</source>
        <translation>este script no puede ejecutarse con sudo</translation>
    </message>
    <message>
        <source>its arguments are not the ones the rule allows</source>
        <translation>sus argumentos no son los que la regla permite</translation>
    </message>
    <message>
        <source>a command Vigía does not know as read-only</source>
        <translation>una orden que Vigía no conoce como de solo lectura</translation>
    </message>
</context>
<context>
    <name>ActionCheck</name>
    <message>
        <source>checked afterwards: %1 replicas are asked for</source>
        <translation>comprobado después: se piden %1 réplicas</translation>
    </message>
    <message>
        <source>checked afterwards: no restart was recorded</source>
        <translation>comprobado después: no consta ningún reinicio</translation>
    </message>
    <message>
        <source>checked afterwards: restarted at %1</source>
        <translation>comprobado después: reiniciado a las %1</translation>
    </message>
    <message>
        <source>checked afterwards: still %1 replicas</source>
        <translation>comprobado después: siguen %1 réplicas</translation>
    </message>
    <message>
        <source>checked afterwards: the last restart was at %1</source>
        <translation>comprobado después: el último reinicio fue a las %1</translation>
    </message>
    <message>
        <source>checked afterwards: the pod is being deleted</source>
        <translation>comprobado después: el pod se está borrando</translation>
    </message>
    <message>
        <source>checked afterwards: the pod is gone</source>
        <translation>comprobado después: el pod ya no existe</translation>
    </message>
    <message>
        <source>checked afterwards: the pod is still there</source>
        <translation>comprobado después: el pod sigue ahí</translation>
    </message>
    <message>
        <source>checked afterwards: the replica count could not be read</source>
        <translation>comprobado después: no se pudo leer el número de réplicas</translation>
    </message>
    <message>
        <source>could not check afterwards (%1): look at the object before trying again</source>
        <translation>no se pudo comprobar después (%1): revisa el objeto antes de volver a intentarlo</translation>
    </message>
    <message>
        <source>look at the rollout history before trying again</source>
        <translation>revisa el historial del despliegue antes de volver a intentarlo</translation>
    </message>
</context>
<context>
    <name>LoginShell</name>
    <message>
        <source>The SSH user&apos;s login shell is %1, which Vigía cannot send commands through.</source>
        <translation>El shell de inicio del usuario SSH es %1, a través del cual Vigía no puede enviar órdenes.</translation>
    </message>
    <message>
        <source>Vigía needs a POSIX login shell (sh, bash, dash, zsh) or fish for this user. Change it on the server with `chsh -s /bin/bash`, or connect as another user.</source>
        <translation>Vigía necesita un shell de inicio POSIX (sh, bash, dash, zsh) o fish para este usuario. Cámbialo en el servidor con `chsh -s /bin/bash`, o conéctate con otro usuario.</translation>
    </message>
</context>
</TS>