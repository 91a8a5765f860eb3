<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_MX">
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../ui/data/ColumnMappingDialog.cpp" line="+19" />
        <source>Start (required)</source>
        <translation>Inicio (obligatoria)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client (required)</source>
        <translation>Cliente (obligatoria)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>DeploymentListModel</name>
    <message>
        <location filename="../../ui/cluster/DeploymentListModel.cpp" line="+66" />
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Needs attention: %1</source>
        <translation>Requiere atención: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Images: %1</source>
        <translation>Imágenes: %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Up-to-date</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Available</source>
        <translation>Disponibles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../../ui/cluster/EventListModel.cpp" line="+80" />
        <source>%1 %2: %3
first %4, last %5, %6× (%7)</source>
        <translation>%1 %2: %3
primera vez %4, última %5, %6× (%7)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Count</source>
        <translation>Veces</translation>
    </message>
</context>
<context>
    <name>NodeListModel</name>
    <message numerus="yes">
        <location filename="../../ui/cluster/NodeListModel.cpp" line="+101" />
        <source>%1, %2, %n pods</source>
        <translation>
            <numerusform>%1, %2, %n pod</numerusform>
            <numerusform>%1, %2, %n pods</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36" />
        <source>No usage figures: metrics-server (metrics.k8s.io) has not reported this node.</source>
        <translation>Sin cifras de uso: metrics-server (metrics.k8s.io) no ha reportado este nodo.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>OS: %1  IP: %2</source>
        <translation>SO: %1  IP: %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CPU used</source>
        <translation>CPU en uso</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Memory used</source>
        <translation>Memoria en uso</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allocatable</source>
        <translation>Asignable</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
</context>
<context>
    <name>PodDetailsPane</name>
    <message>
        <location filename="../../ui/cluster/PodDetailsPane.cpp" line="+44" />
        <source>%1 (%2 ago)</source>
        <translation>%1 (hace %2)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/capacity/CapacityPanel.cpp" line="+34" />
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source> (+%n without)</source>
        <translation>
            <numerusform> (+%n sin límite)</numerusform>
            <numerusform> (+%n sin límite)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/StatusStyle.cpp" line="+67" />
        <source>failing</source>
        <translation>fallando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>degraded</source>
        <translation>degradado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location line="+2" />
        <source>healthy</source>
        <translation>sano</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.cpp" line="+35" />
        <source>Never change anything on the server in this session.</source>
        <translation>No cambiar nada en el servidor durante esta sesión.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read this ssh config instead of ~/.ssh/config.</source>
        <translation>Leer esta configuración de ssh en lugar de ~/.ssh/config.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+3" />
        <location line="+5" />
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Check and record host keys in this file.</source>
        <translation>Verificar y registrar las claves de host en este archivo.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Start hidden in the tray, watching the servers open last time (start at login).</source>
        <translation>Arrancar oculto en la bandeja, vigilando los servidores abiertos la última vez (inicio de sesión).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep server profiles in this INI file.</source>
        <translation>Guardar los perfiles de servidor en este archivo INI.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Vigía — a native console for a small K3s server, over SSH.

With no target, shows the saved servers. TARGET is a profile name,
an ~/.ssh/config alias, or [user@]host[:port].</source>
        <translation>Vigía — una consola nativa para un servidor K3s pequeño, por SSH.

Sin destino, muestra los servidores guardados. DESTINO es un nombre de perfil,
un alias de ~/.ssh/config o [usuario@]host[:puerto].</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Profile, ssh alias or [user@]host[:port].</source>
        <translation>Perfil, alias de ssh o [usuario@]host[:puerto].</translation>
    </message>
    <message>
        <location line="+1" />
        <source>[NAME | [user@]host[:port]]</source>
        <translation>[NOMBRE | [usuario@]host[:puerto]]</translation>
    </message>
    <message>
        <location line="+89" />
        <source>no audit trail: </source>
        <translation>sin registro de actividad: </translation>
    </message>
    <message>
        <location line="+17" />
        <source>cannot connect to %1: </source>
        <translation>no se puede conectar con %1: </translation>
    </message>
</context>
<context>
    <name>vigia::ConnectWindow</name>
    <message>
        <location filename="../../ui/ConnectWindow.cpp" line="+47" />
        <source>Vigía — Connect to a server</source>
        <translation>Vigía — Conectarse a un servidor</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;b style='font-size:15pt'&gt;Vigía&lt;/b&gt;&lt;br&gt;&lt;span style='color:#5f6b78'&gt;Choose a server to watch over SSH&lt;/span&gt;</source>
        <translation>&lt;b style='font-size:15pt'&gt;Vigía&lt;/b&gt;&lt;br&gt;&lt;span style='color:#5f6b78'&gt;Elige un servidor para vigilarlo por SSH&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+153" />
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="-151" />
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Import from SSH config</source>
        <translation>&amp;Importar de la configuración de SSH</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add a profile for every Host alias in %1</source>
        <translation>Agrega un perfil por cada alias Host de %1</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Or type [user@]host[:port] or an ~/.ssh/config alias, then Enter</source>
        <translation>O escribe [usuario@]host[:puerto] o un alias de ~/.ssh/config y presiona Enter</translation>
    </message>
    <message>
        <location line="+34" />
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <location line="+38" />
        <source>suggested from %1</source>
        <translation>sugerido de %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>A Host in your ssh config. Connect to use it as it is, or Edit to save it as a profile with its own options.</source>
        <translation>Un Host de tu configuración de ssh. Conéctate para usarlo tal cual, o edítalo para guardarlo como perfil con sus propias opciones.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>&amp;Save as profile…</source>
        <translation>&amp;Guardar como perfil…</translation>
    </message>
    <message>
        <location line="+101" />
        <source>Delete server</source>
        <translation>Eliminar servidor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the profile “%1”? Nothing on the server changes.</source>
        <translation>¿Eliminar el perfil “%1”? No cambia nada en el servidor.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No new Host aliases in %1.</source>
        <translation>No hay alias Host nuevos en %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Imported %n server(s): %1</source>
        <translation>
            <numerusform>Se importó %n servidor: %1</numerusform>
            <numerusform>Se importaron %n servidores: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigia::Consoles</name>
    <message>
        <location filename="../../ui/Consoles.cpp" line="+124" />
        <source>Connect to &amp;another server…</source>
        <translation>Conectar a &amp;otro servidor…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Vigía keeps watching</source>
        <translation>Vigía sigue vigilando</translation>
    </message>
    <message>
        <location line="+1" />
        <source>It tells you when something breaks. Quit from this icon's menu; Preferences turns this off.</source>
        <translation>Le avisará cuando algo falle. Salga desde el menú de este icono; Preferencias lo desactiva.</translation>
    </message>
    <message>
        <location line="+51" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%1: %n problem(s)</source>
        <translation><numerusform>%1: %n problema</numerusform><numerusform>%1: %n problemas</numerusform></translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vigía</source>
        <translation>Vigía</translation>
    </message>
</context>
<context>
    <name>vigia::HostKeyDialog</name>
    <message>
        <location filename="../../ui/HostKeyDialog.cpp" line="+41" />
        <source>The authenticity of host '%1' can't be established.
%2 key fingerprint is %3.</source>
        <translation>No se puede comprobar la autenticidad del host '%1'.
La huella de la clave %2 es %3.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>WARNING: THE HOST KEY FOR '%1' HAS CHANGED!
Someone could be eavesdropping on you right now (man-in-the-middle attack), or the server's host key has just been changed.

Recorded %2 fingerprint: %3
Offered %2 fingerprint:  %4
Offending key in %5

Vigía refused to connect. If the change is expected, remove the old key with
    ssh-keygen -R '%1'
and connect again.</source>
        <translation>ADVERTENCIA: ¡LA CLAVE DE HOST DE '%1' CAMBIÓ!
Alguien podría estar espiándote en este momento (ataque de intermediario, man-in-the-middle), o la clave de host del servidor se acaba de cambiar.

Huella %2 registrada: %3
Huella %2 ofrecida:   %4
Clave en conflicto en %5

Vigía se negó a conectarse. Si el cambio era de esperarse, elimina la clave anterior con
    ssh-keygen -R '%1'
y vuelve a conectarte.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>known_hosts</source>
        <translation>known_hosts</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown host key</source>
        <translation>Clave de host desconocida</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Host key changed — connection refused</source>
        <translation>La clave de host cambió — conexión rechazada</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Check the fingerprint against the server before you trust it.</source>
        <translation>Compara la huella con la del servidor antes de confiar en ella.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Connect once</source>
        <translation>Conectar una vez</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trust and remember</source>
        <translation>Confiar y recordar</translation>
    </message>
    <message>
        <location line="+21" />
        <source>POSSIBLE MAN-IN-THE-MIDDLE ATTACK</source>
        <translation>POSIBLE ATAQUE DE INTERMEDIARIO (MAN-IN-THE-MIDDLE)</translation>
    </message>
</context>
<context>
    <name>vigia::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+106" />
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fetch the pod list again (F5)</source>
        <translation>Volver a obtener la lista de pods (F5)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Re&amp;connect</source>
        <translation>Re&amp;conectar</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+177" />
        <source>Vigía</source>
        <translation>Vigía</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 — Vigía</source>
        <translation>%1 — Vigía</translation>
    </message>
    <message>
        <location line="-129" />
        <location line="+2" />
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Logs (%1)</source>
        <translation>Logs (%1)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    </context>
<context>
    <name>vigia::PassphraseDialog</name>
    <message>
        <location filename="../../ui/PassphraseDialog.cpp" line="+21" />
        <source>Key passphrase</source>
        <translation>Frase de contraseña de la clave</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter the passphrase for the key
%1</source>
        <translation>Escribe la frase de contraseña de la clave
%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>That passphrase did not unlock the key. Try again.</source>
        <translation>Esa frase de contraseña no desbloqueó la clave. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Save in system keychain</source>
        <translation>Guardar en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No system keychain is available.</source>
        <translation>No hay un llavero del sistema disponible.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
</context>
<context>
    <name>vigia::PassphraseKeychain</name>
    <message>
        <location filename="../../ui/PassphraseKeychain.cpp" line="+43" />
        <source>The system keychain is disabled.</source>
        <translation>El llavero del sistema está desactivado.</translation>
    </message>
</context>
<context>
    <name>vigia::PodListModel</name>
    <message>
        <location filename="../../ui/PodListModel.cpp" line="+315" />
        <source>%1: %2 (phase %3)</source>
        <translation>%1: %2 (fase %3)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>init %1: %2</source>
        <translation>init %1: %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>, last exit: %1</source>
        <translation>, última salida: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> code %1</source>
        <translation> código %1</translation>
    </message>
    <message>
        <location line="+48" />
        <source>CPU in use now (metrics.k8s.io)</source>
        <translation>CPU en uso ahora (metrics.k8s.io)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Memory in use now (metrics.k8s.io)</source>
        <translation>Memoria en uso ahora (metrics.k8s.io)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No usage: metrics.k8s.io (metrics-server) is not available.</source>
        <translation>Sin uso: metrics.k8s.io (metrics-server) no está disponible.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No usage: %1</source>
        <translation>Sin uso: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>metrics-server has no usage for this pod yet.</source>
        <translation>metrics-server todavía no tiene uso para este pod.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
</context>
<context>
    <name>vigia::ProfileDialog</name>
    <message>
        <location filename="../../ui/ProfileDialog.cpp" line="+50" />
        <source>Add server</source>
        <translation>Agregar servidor</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Edit server “%1”</source>
        <translation>Editar servidor “%1”</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. production VPS</source>
        <translation>p. ej., VPS de producción</translation>
    </message>
    <message>
        <location line="+2" />
        <source>host name, address or ~/.ssh/config alias</source>
        <translation>nombre de host, dirección o alias de ~/.ssh/config</translation>
    </message>
    <message>
        <location line="+5" />
        <source>from ~/.ssh/config, else your local user</source>
        <translation>de ~/.ssh/config; si no, tu usuario local</translation>
    </message>
    <message>
        <location line="+3" />
        <source>ssh-agent, ~/.ssh/config, then id_ed25519 / id_ecdsa</source>
        <translation>ssh-agent, ~/.ssh/config y luego id_ed25519 / id_ecdsa</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>detect: kubectl, k3s kubectl, sudo -n k3s kubectl</source>
        <translation>detectar: kubectl, k3s kubectl, sudo -n k3s kubectl</translation>
    </message>
    <message>
        <location line="+5" />
        <source>empty: take it from the node</source>
        <translation>vacío: tomarlo del nodo</translation>
    </message>
    <message>
        <location line="+5" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How often the Capacity tab samples memory and CPU on the server</source>
        <translation>Cada cuánto la pestaña Capacidad toma muestras de memoria y CPU en el servidor</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The business's time zone: appointments are shown in it</source>
        <translation>La zona horaria del negocio: las citas se muestran en ella</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read-only: never change anything on this server</source>
        <translation>Solo lectura: nunca cambiar nada en este servidor</translation>
    </message>
    <message>
        <source>Vigía then sends only commands that read: kubectl&apos;s read verbs, files, logs and metrics. A database snapshot still makes a temporary copy in your own temp folder on the server, removed as soon as it is downloaded.</source>
        <translation>Vigía solo enviará órdenes que leen: los verbos de lectura de kubectl, archivos, registros y métricas. Una instantánea de base de datos sigue haciendo una copia temporal en tu propia carpeta temporal del servidor, que se borra en cuanto se descarga.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ask to type the name before undo or delete</source>
        <translation>Pedir que se escriba el nombre antes de deshacer o eliminar</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Key file:</source>
        <translation>Archivo de &amp;clave:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kube&amp;ctl command:</source>
        <translation>Comando de kube&amp;ctl:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;RAM budget (GiB):</source>
        <translation>Presupuesto de &amp;RAM (GiB):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sample every:</source>
        <translation>&amp;Muestrear cada:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Choose a private key</source>
        <translation>Elige una clave privada</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Give the server a name.</source>
        <translation>Ponle un nombre al servidor.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A server named “%1” already exists.</source>
        <translation>Ya existe un servidor llamado “%1”.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter a host name, address or ~/.ssh/config alias.</source>
        <translation>Escribe un nombre de host, una dirección o un alias de ~/.ssh/config.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The host cannot contain spaces.</source>
        <translation>El host no puede contener espacios.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The RAM budget must be a positive number of GiB, or empty.</source>
        <translation>El presupuesto de RAM debe ser un número positivo de GiB, o quedar vacío.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“%1” is not a time zone this system knows (e.g. America/Tijuana).</source>
        <translation>“%1” no es una zona horaria que este sistema conozca (p. ej., America/Tijuana).</translation>
    </message>
</context>
<context>
    <name>vigia::SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="+25" />
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+5" />
        <source>System (follow the desktop)</source>
        <translation>Sistema (seguir al escritorio)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location line="+7" />
        <source>System (the desktop's language)</source>
        <translation>Sistema (el idioma del escritorio)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>English</source>
        <comment>language name, in English</comment>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Español</source>
        <comment>language name, in Spanish</comment>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The language takes effect at the next start.</source>
        <translation>El idioma se aplica la próxima vez que inicies Vigía.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Keep watching in the tray when a window is closed</source>
        <translation>&amp;Seguir vigilando en la bandeja al cerrar una ventana</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Takes effect at the next start. Without a system tray, closing always quits.</source>
        <translation>Se aplica en el próximo arranque. Sin bandeja del sistema, cerrar siempre sale.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Start at login, hidden, watching the servers open now</source>
        <translation>&amp;Iniciar al entrar en la sesión, oculto, vigilando los servidores abiertos ahora</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Watching:</source>
        <translation>Vigilancia:</translation>
    </message>
    <message>
        <location line="+58" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Theme, language and watching (Ctrl+,)</source>
        <translation>Tema, idioma y vigilancia (Ctrl+,)</translation>
    </message>
    </context>
<context>
    <name>vigia::cluster::ClusterTab</name>
    <message>
        <location filename="../../ui/cluster/ClusterTab.cpp" line="+35" />
        <source>Filter (press / to focus)</source>
        <translation>Filtrar (presiona / para enfocar)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All but kube-system</source>
        <translation>Todos menos kube-system</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All namespaces</source>
        <translation>Todos los namespaces</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Problems first</source>
        <translation>Problemas primero</translation>
    </message>
</context>
<context>
    <name>vigia::cluster::ClusterViews</name>
    <message>
        <location filename="../../ui/cluster/ClusterViews.cpp" line="+116" />
        <source>Deployments (%1, %2 failing)</source>
        <translation>Deployments (%1, %2 fallando)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Deployments (%1)</source>
        <translation>Deployments (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Nodes (%1, %2 not ready)</source>
        <translation>Nodos (%1, %2 no listos)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nodes (%1)</source>
        <translation>Nodos (%1)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Events (%1)</source>
        <translation>Eventos (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Events (%1, 1 warning)</source>
        <translation>Eventos (%1, 1 advertencia)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Events (%1, %2 warnings)</source>
        <translation>Eventos (%1, %2 advertencias)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Live: events stream from the server while this tab is shown.</source>
        <translation>En vivo: los eventos llegan del servidor mientras esta pestaña está visible.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last read at %1.</source>
        <translation>Última lectura a las %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not read yet.</source>
        <translation>Todavía sin leer.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read every 30 s, and live while this tab is shown. %1</source>
        <translation>Se lee cada 30 s, y en vivo mientras esta pestaña está visible. %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Read every 30 s (Refresh reads now). %1</source>
        <translation>Se lee cada 30 s (Actualizar lo lee ahora). %1</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Node %1 is NotReady.</source>
        <translation>El nodo %1 está NotReady.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Its kubelet stopped reporting or reports a problem: check `systemctl status k3s` and `journalctl -u k3s` on the server. Pods on it may be evicted.</source>
        <translation>Su kubelet dejó de reportar o reporta un problema: revisa `systemctl status k3s` y `journalctl -u k3s` en el servidor. Los pods que tiene podrían ser desalojados.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>CPU and memory usage are not available.</source>
        <translation>El uso de CPU y memoria no está disponible.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>metrics-server (metrics.k8s.io) is not answering; K3s ships it in kube-system. Usage columns show — until it is back.</source>
        <translation>metrics-server (metrics.k8s.io) no responde; K3s lo incluye en kube-system. Las columnas de uso muestran — hasta que vuelva.</translation>
    </message>
    <message>
        <location line="+50" />
        <source>No workload is selected.</source>
        <translation>No hay ninguna carga de trabajo seleccionada.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>That action does not apply to %1 %2.</source>
        <translation>Esa acción no aplica a %1 %2.</translation>
    </message>
</context>
<context>
    <name>vigia::cluster::PodDetailsPane</name>
    <message>
        <location filename="../../ui/cluster/PodDetailsPane.cpp" line="+11" />
        <location line="+115" />
        <source>Select a pod to see its details.</source>
        <translation>Selecciona un pod para ver sus detalles.</translation>
    </message>
    <message>
        <location line="-109" />
        <source>Copy name</source>
        <translation>Copiar nombre</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+98" />
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location line="-91" />
        <source>Find in YAML (Enter: next, Shift+Enter: previous)</source>
        <translation>Buscar en el YAML (Enter: siguiente, Shift+Enter: anterior)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Describe</source>
        <translation>Describe</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Events (%1)</source>
        <translation>Eventos (%1)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>&lt;b&gt;%1&lt;/b&gt; / &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; %3 &amp;nbsp; ready %4/%5 &amp;nbsp; restarts %6 &amp;nbsp; node &lt;b&gt;%7&lt;/b&gt; &amp;nbsp; IP %8 &amp;nbsp; age %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; / &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; %3 &amp;nbsp; listos %4/%5 &amp;nbsp; reinicios %6 &amp;nbsp; nodo &lt;b&gt;%7&lt;/b&gt; &amp;nbsp; IP %8 &amp;nbsp; edad %9</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+60" />
        <source>(not scheduled)</source>
        <translation>(sin asignar a un nodo)</translation>
    </message>
    <message>
        <location line="-52" />
        <source>&lt;h3&gt;Containers&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Contenedores&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+4" />
        <source> (exit %1)</source>
        <translation> (salida %1)</translation>
    </message>
    <message>
        <location line="+6" />
        <source> &lt;i&gt;(init)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(init)&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not ready</source>
        <translation>no listo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 restart</source>
        <translation>1 reinicio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 restarts</source>
        <translation>%1 reinicios</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;div style='margin-left:12px'&gt;image &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;div style='margin-left:12px'&gt;imagen &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>terminated</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, exit code %1</source>
        <translation>, código de salida %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, finished %1</source>
        <translation>, terminó %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;br&gt;last termination: %1</source>
        <translation>&lt;br&gt;última terminación: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;h3&gt;Conditions&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Condiciones&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;div&gt;&lt;b&gt;%1&lt;/b&gt; &lt;span%2&gt;%3&lt;/span&gt;%4 &lt;small&gt;since %5&lt;/small&gt;&lt;/div&gt;</source>
        <translation>&lt;div&gt;&lt;b&gt;%1&lt;/b&gt; &lt;span%2&gt;%3&lt;/span&gt;%4 &lt;small&gt;desde %5&lt;/small&gt;&lt;/div&gt;</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&lt;i&gt;none reported&lt;/i&gt;</source>
        <translation>&lt;i&gt;no se reportó ninguna&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;Labels&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Etiquetas&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;i&gt;none&lt;/i&gt;</source>
        <translation>&lt;i&gt;ninguna&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;Node&lt;/h3&gt;%1</source>
        <translation>&lt;h3&gt;Nodo&lt;/h3&gt;%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;h3&gt;Controlled by&lt;/h3&gt;%1/%2</source>
        <translation>&lt;h3&gt;Controlado por&lt;/h3&gt;%1/%2</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Read-only. Fetched at %1.</source>
        <translation>Solo lectura. Obtenido a las %1.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Could not fetch the YAML: %1 The Describe tab has kubectl's description instead.</source>
        <translation>No se pudo obtener el YAML: %1 La pestaña Describe tiene en su lugar la descripción de kubectl.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Search wrapped.</source>
        <translation>La búsqueda volvió al inicio.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>"%1" not found.</source>
        <translation>No se encontró «%1».</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fetching the YAML…</source>
        <translation>Obteniendo el YAML…</translation>
    </message>
    <message>
        <location line="+37" />
        <source>kubectl describe failed: %1
%2</source>
        <translation>kubectl describe falló: %1
%2</translation>
    </message>
</context>
<context>
    <name>vigia::cluster::StaleBanner</name>
    <message>
        <location filename="../../ui/cluster/StaleBanner.cpp" line="+43" />
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No data has been received yet.</source>
        <translation>Todavía no se han recibido datos.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Showing the last good data from %1 (stale).</source>
        <translation>Mostrando los últimos datos buenos de %1 (desactualizados).</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source> Retrying in %n s.</source>
        <translation>
            <numerusform> Reintentando en %n s.</numerusform>
            <numerusform> Reintentando en %n s.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24" />
        <source>Not watching the cluster.</source>
        <translation>Sin vigilar el clúster.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reconnect to see live data again.</source>
        <translation>Reconéctate para volver a ver datos en vivo.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Reconnecting to the cluster…</source>
        <translation>Reconectando con el clúster…</translation>
    </message>
</context>
<context>
    <name>vigia::logs::LogPage</name>
    <message>
        <location filename="../../ui/logs/LogPage.cpp" line="+63" />
        <source>Show the previous container's log</source>
        <translation>Mostrar el log del contenedor anterior</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Paused — new lines keep arriving below. Press End to resume.</source>
        <translation>En pausa — siguen llegando líneas nuevas abajo. Presiona Fin para continuar.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume following</source>
        <translation>Volver a seguir</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Server log</source>
        <translation>Log del servidor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>deploy/%1</source>
        <translation>deploy/%1</translation>
    </message>
    <message>
        <location line="+8" />
        <source> (previous)</source>
        <translation> (anterior)</translation>
    </message>
    <message>
        <location line="+69" />
        <location line="+239" />
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location line="-226" />
        <source>previous container</source>
        <translation>contenedor anterior</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+103" />
        <location line="+27" />
        <source>following</source>
        <translation>siguiendo</translation>
    </message>
    <message>
        <location line="-63" />
        <source>— %1kubectl logs failed: %2 —</source>
        <translation>— %1kubectl logs falló: %2 —</translation>
    </message>
    <message>
        <location line="+15" />
        <source>— %1log stream ended: %2 —</source>
        <translation>— %1terminó el flujo del log: %2 —</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the pod stopped</source>
        <translation>el pod se detuvo</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+214" />
        <source>ended</source>
        <translation>terminó</translation>
    </message>
    <message>
        <location line="-207" />
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message numerus="yes">
        <location line="+87" />
        <source>This container has restarted %n time(s).</source>
        <translation>
            <numerusform>Este contenedor se ha reiniciado %n vez.</numerusform>
            <numerusform>Este contenedor se ha reiniciado %n veces.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last end: %1%2.</source>
        <translation>Último fin: %1%2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>, exit code %1</source>
        <translation>, código de salida %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%1 of %n line(s) shown</source>
        <translation>
            <numerusform>%1 de %n línea mostradas</numerusform>
            <numerusform>%1 de %n líneas mostradas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source> · %1 older line(s) dropped (buffer holds %2)</source>
        <translation> · se descartaron %1 línea(s) antiguas (el búfer guarda %2)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>looking for the K3s log…</source>
        <translation>buscando el log de K3s…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>— not connected: the server log needs an SSH connection —</source>
        <translation>— sin conexión: el log del servidor necesita una conexión SSH —</translation>
    </message>
    <message>
        <location line="+7" />
        <source>— the K3s server log could not be read —</source>
        <translation>— no se pudo leer el log del servidor K3s —</translation>
    </message>
    <message>
        <location line="+4" />
        <source>server log unavailable</source>
        <translation>log del servidor no disponible</translation>
    </message>
    <message>
        <location line="+43" />
        <source>— %1 could not be started —</source>
        <translation>— no se pudo iniciar %1 —</translation>
    </message>
    <message>
        <location line="+4" />
        <source>following %1</source>
        <translation>siguiendo %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>— %1 ended%2 —</source>
        <translation>— %1 terminó%2 —</translation>
    </message>
</context>
<context>
    <name>vigia::logs::LogPanel</name>
    <message>
        <location filename="../../ui/logs/LogPanel.cpp" line="+101" />
        <location line="+328" />
        <location line="+4" />
        <source>Previous container</source>
        <translation>Contenedor anterior</translation>
    </message>
    <message>
        <location line="-330" />
        <source>The log of the container's previous run (kubectl logs --previous)</source>
        <translation>El log de la ejecución anterior del contenedor (kubectl logs --previous)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Container (init containers included)</source>
        <translation>Contenedor (incluye los contenedores init)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>How many lines to fetch when opening</source>
        <translation>Cuántas líneas obtener al abrir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All lines</source>
        <translation>Todas las líneas</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last %L1</source>
        <translation>Últimas %L1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Any time</source>
        <translation>Cualquier momento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 5 minutes</source>
        <translation>Últimos 5 minutos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Since…</source>
        <translation>Desde…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Follow</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Keep the newest line in view (End)</source>
        <translation>Mantener a la vista la línea más reciente (Fin)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Timestamps</source>
        <translation>Marcas de tiempo</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Wrap</source>
        <translation>Ajustar líneas</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy the selected lines, whole (Ctrl+C)</source>
        <translation>Copiar las líneas seleccionadas, completas (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Save shown…</source>
        <translation>Guardar lo mostrado…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save all…</source>
        <translation>Guardar todo…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forget the lines shown so far; new lines keep coming</source>
        <translation>Olvidar las líneas mostradas hasta ahora; las nuevas siguen llegando</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Search (Enter: next, Shift+Enter: previous)</source>
        <translation>Buscar (Enter: siguiente, Shift+Enter: anterior)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Case sensitive</source>
        <translation>Distinguir mayúsculas y minúsculas</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Shift+F3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next match (F3)</source>
        <translation>Siguiente coincidencia (F3)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Filter lines</source>
        <translation>Filtrar líneas</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show matching</source>
        <translation>Mostrar coincidencias</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hide matching</source>
        <translation>Ocultar coincidencias</translation>
    </message>
    <message>
        <location line="+55" />
        <source>No log open. Select a pod and press L, or open the server log.</source>
        <translation>No hay ningún log abierto. Selecciona un pod y presiona L, o abre el log del servidor.</translation>
    </message>
    <message numerus="yes">
        <location line="+69" />
        <source>%n pod(s) in %1, merged by time</source>
        <translation>
            <numerusform>%n pod en %1, combinado por hora</numerusform>
            <numerusform>%n pods en %1, combinados por hora</numerusform>
        </translation>
    </message>
    <message>
        <location line="+72" />
        <source>%1 (init)</source>
        <translation>%1 (init)</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>Previous container (%n restarts)</source>
        <translation>
            <numerusform>Contenedor anterior (%n reinicio)</numerusform>
            <numerusform>Contenedor anterior (%n reinicios)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67" />
        <source>Show lines since</source>
        <translation>Mostrar líneas desde</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Since %1</source>
        <translation>Desde %1</translation>
    </message>
    <message>
        <location line="+37" />
        <source>bad regex</source>
        <translation>expresión regular inválida</translation>
    </message>
    <message>
        <location line="+5" />
        <source>no matches</source>
        <translation>sin coincidencias</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%L1 matches</source>
        <translation>%L1 coincidencias</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%L1 of %L2</source>
        <translation>%L1 de %L2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No log is open.</source>
        <translation>No hay ningún log abierto.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Save shown lines</source>
        <translation>Guardar las líneas mostradas</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save all lines</source>
        <translation>Guardar todas las líneas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Log files (*.log *.txt)</source>
        <translation>Archivos de log (*.log *.txt)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Save failed</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The log could not be saved to %1: %2</source>
        <translation>No se pudo guardar el log en %1: %2</translation>
    </message>
</context>
<context>
    <name>vigia::logs::LogView</name>
    <message>
        <location filename="../../ui/logs/LogView.cpp" line="+546" />
        <source>A bidirectional control character (U+%1) was here; it is shown, not applied.</source>
        <translation>Aquí había un carácter de control bidireccional (U+%1); se muestra, no se aplica.</translation>
    </message>
    <message>
        <location line="+6" />
        <source> … [line cut here: %1 KiB more — copy or save keeps it whole]</source>
        <translation> … [línea cortada aquí: %1 KiB más — copiar o guardar la conserva completa]</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ActionController</name>
    <message>
        <location filename="../../ui/actions/ActionController.cpp" line="+90" />
        <source>Done.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Stopped following: %1</source>
        <translation>Se dejó de seguir: %1</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ActivityModel</name>
    <message>
        <location filename="../../ui/actions/ActivityModel.cpp" line="+50" />
        <source>✔ succeeded</source>
        <translation>✔ exitoso</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ done</source>
        <translation>✔ hecho</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ rollout failed</source>
        <translation>✖ falló el rollout</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ command failed</source>
        <translation>✖ falló el comando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>⏱ timed out</source>
        <translation>⏱ tiempo agotado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>… in progress</source>
        <translation>… en curso</translation>
    </message>
    <message>
        <location line="+2" />
        <source>■ not followed</source>
        <translation>■ sin seguimiento</translation>
    </message>
    <message>
        <location line="+2" />
        <source>… sending</source>
        <translation>… enviando</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ActivityView</name>
    <message>
        <location filename="../../ui/actions/ActivityView.cpp" line="+20" />
        <source>Every change Vigía sent to a cluster, newest first (kept on this computer).</source>
        <translation>Cada cambio que Vigía envió a un clúster, del más reciente al más antiguo (se guarda en esta computadora).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Filter by object, namespace, command or outcome</source>
        <translation>Filtra por objeto, namespace, comando o resultado</translation>
    </message>
</context>
<context>
    <name>vigia::ui::AppointmentsView</name>
    <message>
        <location filename="../../ui/data/AppointmentsView.cpp" line="+29" />
        <source>Search name, email, service, notes…</source>
        <translation>Busca nombre, correo, servicio, notas…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Upcoming</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Past</source>
        <translation>Pasadas</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Showing one day; click to show the range again</source>
        <translation>Se muestra un día; haz clic para volver a mostrar el rango</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Select an appointment</source>
        <translation>Selecciona una cita</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Export appointments</source>
        <translation>Exportar citas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+25" />
        <location line="+14" />
        <source>times in %1</source>
        <translation>horas en %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>indexing…</source>
        <translation>indexando…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3 &lt;small&gt;(%4)&lt;/small&gt;&lt;br&gt;&lt;small&gt;%5 your time&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3 &lt;small&gt;(%4)&lt;/small&gt;&lt;br&gt;&lt;small&gt;%5 en tu hora&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Estado: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;p&gt;Projects: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Proyectos: %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vigia::ui::CapacityPanel</name>
    <message>
        <location filename="../../ui/capacity/CapacityPanel.cpp" line="+31" />
        <source>Namespace / pod</source>
        <translation>Namespace / pod</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <location line="+0" />
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Peak</source>
        <translation>Pico</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Peak / limit</source>
        <translation>Pico / límite</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Budget %1</source>
        <translation>Presupuesto %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>node allocatable %1</source>
        <translation>asignable del nodo %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>K3s + system peak %1</source>
        <translation>pico de K3s + sistema %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source> (%1% of allocatable)</source>
        <translation> (%1% de lo asignable)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>requests %1%2</source>
        <translation>solicitudes %1%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>limits %1%2</source>
        <translation>límites %1%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>pod p95 %1</source>
        <translation>p95 de pods %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>pod peaks %1</source>
        <translation>picos de pods %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>peaks with K3s + system: %1% of the budget</source>
        <translation>picos con K3s + sistema: %1% del presupuesto</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No capacity warnings.</source>
        <translation>Sin avisos de capacidad.</translation>
    </message>
</context>
<context>
    <name>vigia::ui::CapacityView</name>
    <message>
        <location filename="../../ui/capacity/CapacityView.cpp" line="+32" />
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <location line="+1" />
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <location line="+1" />
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <location line="+102" />
        <source>Not shown: %1</source>
        <translation>No se muestra: %1</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ColumnMappingDialog</name>
    <message>
        <location filename="../../ui/data/ColumnMappingDialog.cpp" line="+20" />
        <source>Map appointment columns</source>
        <translation>Asignar columnas de citas</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This table does not have the scheduler's known columns. Say which column holds what; the agenda reads the table through this mapping.</source>
        <translation>Esta tabla no tiene las columnas conocidas de la agenda. Indica qué columna contiene qué; la agenda lee la tabla a través de esta asignación.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <location line="+39" />
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Choose at least the start and the client columns.</source>
        <translation>Elige al menos las columnas de inicio y de cliente.</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ConfirmActionDialog</name>
    <message>
        <location filename="../../ui/actions/ConfirmActionDialog.cpp" line="+22" />
        <source>&amp;Restart</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Roll &amp;back</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Scale</source>
        <translation>&amp;Escalar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Delete pod</source>
        <translation>&amp;Eliminar pod</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Object:</source>
        <translation>Objeto:</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Command sent to the server:</source>
        <translation>Comando que se envía al servidor:</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Escribe &lt;b&gt;%1&lt;/b&gt; para confirmar:</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ConnectionBanner</name>
    <message>
        <location filename="../../ui/ConnectionBanner.cpp" line="+83" />
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Showing data from %1 — it may be out of date.</source>
        <translation>Mostrando datos de las %1 — pueden estar desactualizados.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reconnecting by itself at %1; Reconnect tries now.</source>
        <translation>Se reconectará solo a las %1; Reconectar lo intenta ahora.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ConnectionHeader</name>
    <message>
        <location filename="../../ui/ConnectionHeader.cpp" line="+26" />
        <source>This profile is read-only: Vigía sends only commands that read. A database snapshot makes a temporary copy in your own temp folder on the server, removed as soon as it is downloaded.</source>
        <translation>Este perfil es de solo lectura: Vigía solo envía órdenes que leen. Una instantánea de base de datos hace una copia temporal en tu propia carpeta temporal del servidor, que se borra en cuanto se descarga.</translation>
    </message>
    <message>
        <location line="+50" />
        <source> to %1</source>
        <translation> a %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source> to %1…</source>
        <translation> a %1…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>1 capacity warning</source>
        <translation>1 aviso de capacidad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 capacity warnings</source>
        <translation>%1 avisos de capacidad</translation>
    </message>
</context>
<context>
    <name>vigia::ui::DataPage</name>
    <message>
        <location filename="../../ui/data/DataPage.cpp" line="+18" />
        <source>Connect to a server to see its data.</source>
        <translation>Conéctate a un servidor para ver sus datos.</translation>
    </message>
</context>
<context>
    <name>vigia::ui::DataWorkspace</name>
    <message>
        <location filename="../../ui/data/DataWorkspace.cpp" line="+30" />
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quotes</source>
        <translation>Cotizaciones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Could not read the appointments.</source>
        <translation>No se pudieron leer las citas.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Not connected: type the paths of the databases on the server, or connect to discover them.</source>
        <translation>Sin conexión: escribe las rutas de las bases de datos en el servidor, o conéctate para descubrirlas.</translation>
    </message>
    <message>
        <location line="+91" />
        <source>No table of this database looks like appointments.</source>
        <translation>Ninguna tabla de esta base de datos parece de citas.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick the table and its columns with Map columns… in the Tables tab.</source>
        <translation>Elige la tabla y sus columnas con Asignar como citas… en la pestaña Tablas.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Not connected: showing the last snapshot.</source>
        <translation>Sin conexión: se muestra la última instantánea.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Starting the snapshot of %1…</source>
        <translation>Iniciando la instantánea de %1…</translation>
    </message>
</context>
<context>
    <name>vigia::ui::DatabasePicker</name>
    <message>
        <location filename="../../ui/data/DatabasePicker.cpp" line="+22" />
        <source>&lt;b&gt;Databases on the server&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bases de datos en el servidor&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5" />
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="+10" />
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use sudo -n to read the volumes</source>
        <translation>Usar sudo -n para leer los volúmenes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discover</source>
        <translation>Descubrir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use these</source>
        <translation>Usar estas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Appointments:</source>
        <translation>Citas:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quotes:</source>
        <translation>Cotizaciones:</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Looking for databases in the cluster's volumes…</source>
        <translation>Buscando bases de datos en los volúmenes del clúster…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>No volume claims were found in the cluster. Type the paths below.</source>
        <translation>No se encontraron solicitudes de volumen (PVC) en el clúster. Escribe las rutas abajo.</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n volume(s) found, but no *.db, *.sqlite or *.sqlite3 file in them.</source>
        <translation>
            <numerusform>Se encontró %n volumen, pero sin archivos *.db, *.sqlite ni *.sqlite3.</numerusform>
            <numerusform>Se encontraron %n volúmenes, pero sin archivos *.db, *.sqlite ni *.sqlite3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n database file(s) in %1 volume(s). Pick which holds appointments and which quotes.</source>
        <translation>
            <numerusform>%n archivo de base de datos en %1 volumen(es). Elige cuál tiene las citas y cuál las cotizaciones.</numerusform>
            <numerusform>%n archivos de base de datos en %1 volumen(es). Elige cuál tiene las citas y cuál las cotizaciones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigia::ui::FilterBar</name>
    <message>
        <location filename="../../ui/data/FilterBar.cpp" line="+18" />
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+51" />
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>vigia::ui::PodsPage</name>
    <message>
        <location filename="../../ui/pods/PodsPage.cpp" line="+60" />
        <source>Filter by namespace, name, status or node   ( / )</source>
        <translation>Filtra por namespace, nombre, estado o nodo   ( / )</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Problems first</source>
        <translation>Problemas primero</translation>
    </message>
    <message>
        <location line="+7" />
        <source>All but kube-system</source>
        <translation>Todos menos kube-system</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All namespaces</source>
        <translation>Todos los namespaces</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location line="+64" />
        <source>Pods (%1, %2 failing)</source>
        <translation>Pods (%1, %2 fallando)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pods (%1)</source>
        <translation>Pods (%1)</translation>
    </message>
    <message>
        <location line="+53" />
        <source>&amp;Logs</source>
        <translation>&amp;Logs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Previous logs</source>
        <translation>Logs &amp;anteriores</translation>
    </message>
    <message>
        <location line="+115" />
        <source>%1 has not restarted: there is no previous log.</source>
        <translation>%1 no se ha reiniciado: no hay log anterior.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>No pod is selected.</source>
        <translation>No hay ningún pod seleccionado.</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Waiting for the first pod list…</source>
        <translation>Esperando la primera lista de pods…</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform>
            <numerusform>%n pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%1 of %n pods shown</source>
        <translation>
            <numerusform>%1 de %n pod mostrados</numerusform>
            <numerusform>%1 de %n pods mostrados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source> · updated %1</source>
        <translation> · actualizado a las %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> · stale</source>
        <translation> · desactualizado</translation>
    </message>
</context>
<context>
    <name>vigia::ui::QuotesView</name>
    <message>
        <location filename="../../ui/data/QuotesView.cpp" line="+32" />
        <source>Search contact, email, company, message, project type…</source>
        <translation>Busca contacto, correo, empresa, mensaje, tipo de proyecto…</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Select a quote request</source>
        <translation>Selecciona una solicitud de cotización</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy email</source>
        <translation>Copiar correo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write email…</source>
        <translation>Escribir correo…</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Export quotes</source>
        <translation>Exportar cotizaciones</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+58" />
        <source>&lt;p&gt;Received %1 · status &lt;b&gt;%2&lt;/b&gt; · via %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Recibida el %1 · estado &lt;b&gt;%2&lt;/b&gt; · vía %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;p&gt;Project: %1&lt;br&gt;Budget: %2&lt;br&gt;Deadline: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Proyecto: %1&lt;br&gt;Presupuesto: %2&lt;br&gt;Fecha límite: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ReadOnlyBadge</name>
    <message>
        <location filename="../../ui/actions/ReadOnlyBadge.cpp" line="+15" />
        <location line="+2" />
        <source>READ-ONLY</source>
        <translation>SOLO LECTURA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This profile is read-only: restart, undo, scale and delete are refused. Edit the profile (or start without --read-only) to allow changes.</source>
        <translation>Este perfil es de solo lectura: se rechazan reiniciar, deshacer, escalar y eliminar. Edita el perfil (o inicia sin --read-only) para permitir cambios.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read-only profile</source>
        <translation>Perfil de solo lectura</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ResourceChartView</name>
    <message>
        <location filename="../../ui/capacity/ResourceChartView.cpp" line="+42" />
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+195" />
        <source>Budget %1</source>
        <translation>Presupuesto %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n vCPU</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPU</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sum of limits %1</source>
        <translation>Suma de límites %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>OOMKilled</source>
        <translation>OOMKilled</translation>
    </message>
    <message>
        <location line="+40" />
        <source>No data (the console was not running)</source>
        <translation>Sin datos (la consola no estaba abierta)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Page cache + buffers: %1 (reclaimable)</source>
        <translation>Caché de páginas + búferes: %1 (recuperable)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>OOMKilled: %1/%2 (%3)</source>
        <translation>OOMKilled: %1/%2 (%3)</translation>
    </message>
</context>
<context>
    <name>vigia::ui::RolloutProgressPanel</name>
    <message>
        <location filename="../../ui/actions/RolloutProgressPanel.cpp" line="+53" />
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Stop following</source>
        <translation>Dejar de seguir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logs of failing pod</source>
        <translation>Logs del pod con fallas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Undo rollout</source>
        <translation>Deshacer rollout</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Sending the command…</source>
        <translation>Enviando el comando…</translation>
    </message>
    <message>
        <location line="+27" />
        <source>✖ The command failed</source>
        <translation>✖ Falló el comando</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%v of %m replicas updated and available</source>
        <translation>%v de %m réplicas actualizadas y disponibles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Updated %1/%4 · Ready %2/%4 · Available %3/%4</source>
        <translation>Actualizadas %1/%4 · Listas %2/%4 · Disponibles %3/%4</translation>
    </message>
    <message>
        <location line="+10" />
        <source>new</source>
        <translation>nueva</translation>
    </message>
    <message>
        <location line="+0" />
        <source>old</source>
        <translation>anterior</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ yes</source>
        <translation>✔ sí</translation>
    </message>
    <message>
        <location line="+0" />
        <source>✖ no</source>
        <translation>✖ no</translation>
    </message>
    <message>
        <location line="+13" />
        <source>✔ Success: rolled out in %1</source>
        <translation>✔ Éxito: rollout completado en %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>progress deadline exceeded</source>
        <translation>se rebasó el plazo de avance</translation>
    </message>
    <message>
        <location line="+3" />
        <source>new pod %1 is crash-looping</source>
        <translation>el pod nuevo %1 se cae una y otra vez</translation>
    </message>
    <message>
        <location line="+3" />
        <source>new pod %1 cannot pull its image</source>
        <translation>el pod nuevo %1 no puede descargar su imagen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>timed out</source>
        <translation>se agotó el tiempo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>could not follow the rollout</source>
        <translation>no se pudo seguir el rollout</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✖ Failure: %1</source>
        <translation>✖ Falla: %1</translation>
    </message>
</context>
<context>
    <name>vigia::ui::ScaleDialog</name>
    <message>
        <location filename="../../ui/actions/ScaleDialog.cpp" line="+15" />
        <source>Scale %1</source>
        <translation>Escalar %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Object:</source>
        <translation>Objeto:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Current replicas:</source>
        <translation>Réplicas actuales:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New replicas:</source>
        <translation>Réplicas nuevas:</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Continue…</source>
        <translation>Continuar…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>⚠ 0 stops every pod: the workload stops serving.</source>
        <translation>⚠ 0 detiene todos los pods: la carga de trabajo deja de atender.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Same as now: nothing to do.</source>
        <translation>Igual que ahora: no hay nada que hacer.</translation>
    </message>
</context>
<context>
    <name>vigia::ui::SnapshotBar</name>
    <message>
        <location filename="../../ui/data/SnapshotBar.cpp" line="+19" />
        <source>No snapshot yet</source>
        <translation>Todavía no hay instantánea</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Databases…</source>
        <translation>Bases de datos…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose which databases hold appointments and quotes</source>
        <translation>Elige qué bases de datos contienen las citas y las cotizaciones</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Take a fresh, consistent snapshot from the server (read-only: production is never written)</source>
        <translation>Tomar una instantánea nueva y consistente del servidor (solo lectura: nunca se escribe en producción)</translation>
    </message>
    <message>
        <location line="+34" />
        <source>%1 · %2 old%3</source>
        <translation>%1 · antigüedad: %2%3</translation>
    </message>
    <message>
        <location line="+3" />
        <source> · offline copy</source>
        <translation> · copia sin conexión</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1
from %2
%3, %4 (%5)</source>
        <translation>%1
de %2
%3, %4 (%5)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>file copy + WAL</source>
        <translation>copia del archivo + WAL</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VACUUM INTO</source>
        <translation>VACUUM INTO</translation>
    </message>
</context>
<context>
    <name>vigia::ui::TablesView</name>
    <message>
        <location filename="../../ui/data/TablesView.cpp" line="+26" />
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Filter rows (contains)…</source>
        <translation>Filtrar filas (contiene)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Map as appointments…</source>
        <translation>Asignar como citas…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show this table in the agenda: choose its start, end, client and status columns</source>
        <translation>Mostrar esta tabla en la agenda: elige sus columnas de inicio, fin, cliente y estado</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Export rows</source>
        <translation>Exportar filas</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Any column</source>
        <translation>Cualquier columna</translation>
    </message>
    <message numerus="yes">
        <location line="+31" />
        <source>%n+ rows</source>
        <translation>
            <numerusform>%n+ fila</numerusform>
            <numerusform>%n+ filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n rows</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigia::ui::TrayIcon</name>
    <message>
        <location filename="../../ui/TrayIcon.cpp" line="+14" />
        <source>&amp;Open Vigía</source>
        <translation>&amp;Abrir Vigía</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Pause notifications for 1 hour</source>
        <translation>&amp;Pausar notificaciones durante 1 hora</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Vigía</source>
        <translation>Vigía</translation>
    </message>
</context>
<context>
    <name>vigia::ui::UndoDialog</name>
    <message>
        <location filename="../../ui/actions/UndoDialog.cpp" line="+20" />
        <source>Roll back %1</source>
        <translation>Revertir %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Roll back %1/%2 in namespace %3 on %4 to:</source>
        <translation>Revertir %1/%2 del namespace %3 en %4 a:</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The previous revision (%1)</source>
        <translation>La revisión anterior (%1)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The previous revision</source>
        <translation>La revisión anterior</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The revision selected below:</source>
        <translation>La revisión que se selecciona abajo:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Change-cause</source>
        <translation>Motivo del cambio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 (current)</source>
        <translation>%1 (actual)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Continue…</source>
        <translation>Continuar…</translation>
    </message>
</context>
<context>
    <name>vigia::ui::WorkloadActions</name>
    <message>
        <location filename="../../ui/actions/WorkloadActions.cpp" line="+29" />
        <location line="+65" />
        <source>&amp;Restart owner</source>
        <translation>&amp;Reiniciar el propietario</translation>
    </message>
    <message>
        <location line="-62" />
        <source>&amp;Undo rollout…</source>
        <translation>&amp;Deshacer rollout…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Scale…</source>
        <translation>&amp;Escalar…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delete pod</source>
        <translation>&amp;Eliminar pod</translation>
    </message>
    <message>
        <location line="+59" />
        <source>&amp;Restart</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <location line="+6" />
        <source> (read-only profile)</source>
        <translation> (perfil de solo lectura)</translation>
    </message>
    <message>
        <location line="+101" />
        <source>Not connected.</source>
        <translation>Sin conexión.</translation>
    </message>
</context>
</TS>