# baeum's interface in Kazakh.

## Navigation: the main menu in the header

nav-main = Негізгі мәзір
nav-courses = Курстар
nav-me = Мен
nav-device = Құрылғы

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = Мазмұнға өту
shell-brand-home = басты бет
shell-online = Желіде
shell-offline = Желіден тыс
shell-update-ready = baeum қолданбасының жаңа нұсқасы дайын.
shell-update-now = Қазір жаңарту
shell-synced = Синхрондалды
shell-saved-on-device = Осы құрылғыда сақталды
shell-waiting-to-sync = { $count } жауап синхрондауды күтуде
shell-waiting-on-device = { $count } жауап осы құрылғыда сақталды

## Home: today's standing and the list of courses

home-courses-title = Курстар
home-loading-courses = Курстар жүктелуде…
home-course-meta = { $units } бөлім · { $lessons } сабақ · жүктеу көлемі { $size }
home-load-failed = Мұны көрсету мүмкін болмады: { $reason }.
home-load-advice-offline = Жүктеу үшін интернетке бір рет қосылыңыз; содан кейін ол желіден тыс жұмыс істейді.
home-load-advice-later = Кейінірек қайталап көріңіз. Прогресіңіз сақтаулы.
home-today = Бүгін
home-continue-lesson = Жалғастыру: { $lesson }
home-next-lesson = Келесі: { $lesson }
home-streak-first-lesson = Алғашқы сабағыңызды бүгін бастаңыз.
home-streak-start-new = Жаңа серия бастау үшін бүгін бір сабақ өтіңіз.
home-streak-days = { $days ->
        [one] Қатарынан { $days } күн
       *[other] Қатарынан { $days } күн
    }
home-no-reviews-due = Қайталайтын ештеңе жоқ
home-reviews-due = { $count ->
        [one] Қайталау: { $count } карта
       *[other] Қайталау: { $count } карта
    }
home-lessons-done = Өтілген сабақтар
home-lessons-progress = { $done } / { $total } сабақ

## Progress: reading the learner's progress from the device

progress-storage-failed = прогресіңізді осы құрылғыдан оқу мүмкін болмады: { $reason }
progress-fold-unavailable = Прогресіңізді есептеу мүмкін болмады: қолданбаның қажетті бөлігі жүктелмеді. Интернетке қосылып, бұл бетті қайта ашыңыз. Жасаған жұмысыңыз жоғалмайды.

## Not found: an address that is no page of the app

notfound-title = Мұндай бет жоқ
notfound-back = Курстарыңызға оралу
page-chunk-loading = Бет ашылуда…
page-chunk-failed = Бұл бетті жүктеу мүмкін болмады. Байланысты тексеріп, қайталап көріңіз.
assignments-chunk-failed = Тапсырмаларыңызды жүктеу мүмкін болмады. Байланысты тексеріп, қайталап көріңіз.
page-chunk-retry = Қайталау
page-chunk-reload-hint = Желіге қосылып тұрып та осылай қайталана берсе, қолданба басқа қойындыда жаңартылған болуы мүмкін: оны қайта жүктеңіз.
page-chunk-reload = Қолданбаны қайта жүктеу

## Account page ("Me")

account-title = Мен
account-intro = Аккаунтсыз да оқи аласыз: прогресіңіз осы құрылғыда сақталады. Оны мектеп серверінде де сақтау және басқа құрылғыларыңызда көру үшін кіріңіз.
account-history-link = Менің оқу тарихым: қарау, файл ретінде сақтау, импорттау
account-sync-heading = Синхрондау
account-rejected-summary = Сервер қабылдамаған жауаптар: { $count } (осы құрылғыда сақталды)
account-rejected-entry = { $activity }: { $reason }
account-rejected-unknown-activity = белгісіз жаттығу
account-rejected-invalid = жарамсыз: { $message }
account-rejected-conflict = қайшылық: { $message }
account-rejected-too-large = сервер үшін тым үлкен

## Account panel: signing in, creating an account, signing out

account-panel = Аккаунт
account-username = Пайдаланушы аты
account-password = Құпиясөз
account-sign-in = Кіру
account-create = Аккаунт жасау
account-signed-in-as = Сіз { $username } ретінде кірдіңіз
account-sign-out = Шығу
account-wrong-credentials = пайдаланушы аты немесе құпиясөз қате
account-username-taken = бұл пайдаланушы аты бұрыннан алынған
account-unreachable = серверге қосылу мүмкін болмады; желіге қосылғанда қайталап көріңіз
account-server-error = серверде қате шықты (http { $status }); кейінірек қайталап көріңіз
account-server-refused = сервер бас тартты (http { $status })
account-unreadable-answer = сервер бұл қолданба оқи алмайтын жауап жіберді: { $detail }
account-storage-failed = кіру деректерін осы құрылғыда сақтау мүмкін болмады: { $reason }

## Sync details on the "Me" page

sync-panel = Синхрондау
sync-activity-syncing = Синхрондалуда…
sync-activity-up-to-date = Бәрі синхрондалған
sync-activity-waiting-to-retry = Жақында қайта әрекет жасалады
sync-activity-offline = Желіден тыс: прогресс осы құрылғыда сақталады
sync-activity-sign-in-again = Синхрондау үшін қайта кіріңіз
sync-activity-not-signed-in = Кірмегенсіз: прогресс осы құрылғыда қалады
sync-waiting-label = Синхрондауды күтуде
sync-last-label = Соңғы синхрондау
sync-last-never = Ешқашан
sync-problem-label = Мәселе
sync-problem-none = Жоқ
sync-rejected-label = Сервер қабылдамады
sync-now = Қазір синхрондау
sync-problem-signed-out = аккаунттан шыққансыз
sync-problem-server-unreachable = серверге қосылу мүмкін емес
sync-problem-server-error = сервер қатесі (http { $status })
sync-problem-unreadable-answer = сервер оқылмайтын жауап жіберді: { $detail }
sync-problem-rejected = қабылданбады: { $detail }
sync-problem-local-storage-failed = жергілікті жад ақауы: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = серверге қосылу мүмкін болмады, ал бұл әлі жүктеп алынбаған
load-status = сервер { $name } файлына { $status } деп жауап берді
load-unknown-course = `{ $course }` деген курс жоқ
load-unknown-lesson = `{ $course }` курсында `{ $lesson }` деген сабақ жоқ
load-file-truncated = { $kind ->
        [catalog] каталог файлы
        [manifest] курс манифесінің файлы
       *[lesson] сабақ файлы
    } толық емес ({ $detail })
load-file-malformed = { $kind ->
        [catalog] каталог файлында
        [manifest] курс манифесінің файлында
       *[lesson] сабақ файлында
    } { $line }-жолда, { $column }-бағанда пішім қатесі бар: { $detail }
load-file-inconsistent = { $kind ->
        [catalog] каталог файлы
        [manifest] курс манифесінің файлы
       *[lesson] сабақ файлы
    } үйлесімсіз: { $detail }
load-file-unsupported-format = { $kind ->
        [catalog] каталог файлының
        [manifest] курс манифесі файлының
       *[lesson] сабақ файлының
    } пакет пішімі { $found }, ал baeum қолданбасының бұл нұсқасы { $expected } пішімін оқиды
load-not-hashed-name = `{ $name }` — мазмұн хэшіне негізделген файл атауы емес (64 кіші он алтылық цифр, нүкте және кеңейтім)
load-hash-mismatch = `{ $name }` файлының байттары оның атауына сәйкес келмейді: олардың sha256 мәні { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = бұл браузерде мұнда indexeddb жоқ (жасырын терезе немесе ескі браузер)
storage-quota-exceeded = құрылғыда бұл қолданба үшін бос орын қалмады
storage-version-too-new = сақталған деректер қолданбаның жаңарақ нұсқасынан алынған; жаңарту үшін бетті қайта жүктеңіз
storage-migration-failed = сақталған деректерді жаңарту мүмкін болмады: { $detail }
storage-duplicate-statement = идентификаторы { $id } болатын жазба бұрыннан тіркелген
storage-invalid-statement = жазбаны тіркеу мүмкін емес: { $detail }
storage-serialization = мәнді сақтауға дайындау мүмкін болмады: { $detail }
storage-unreadable-record = { $store } ішіндегі { $key } жазбасы оқылмайды: { $detail }
storage-aborted = жазу үзілді, одан ештеңе сақталмады
storage-database-failed = жергілікті дерекқор істен шықты ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← Курс
lesson-loading = Сабақ жүктелуде…
lesson-saving = Жауаптарыңыз осы құрылғыда сақталуда…
lesson-saved = Осы құрылғыда сақталды.
lesson-save-failed = Кейбір жауаптарды осы құрылғыда сақтау мүмкін болмады: { $reason }. Құрылғыдағы бос орынды тексеріп, сабақты қайта өтіңіз.

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = Сабақ барысы
lesson-position = { $current } / { $total }
lesson-culture-note = Мәдениет туралы
lesson-hear-letter-name = Әріптің атауын тыңдау: { $text }
lesson-hear-it = Тыңдау: { $text }
lesson-hear-word = Сөзді тыңдау: { $text }
lesson-hear-example = Мысалды тыңдау: { $text }
lesson-listen = Тыңдаңыз: { $text }
lesson-show-hint = Кеңес көрсету
lesson-continue-anyway = Бәрібір жалғастыру
lesson-continue = Жалғастыру
lesson-typed-answer-label = Корейше жауабыңыз
lesson-check = Тексеру
lesson-your-sentence = Сіздің сөйлеміңіз
lesson-correct = Дұрыс!
lesson-correct-written-exactly = Дұрыс. Дәл жазылуы: { $expected }
lesson-not-quite = Дәл емес.
lesson-answer-is = Дұрыс жауап: { $answer }
lesson-try-again = Қайталап көріңіз немесе жалғастырыңыз.
lesson-diff-missing = { $expected } жетіспейді
lesson-diff-extra = { $given } қажет емес
lesson-diff-wrong = { $given } емес, { $expected } болуы керек
lesson-diff-jamo-wrong = { $given } → { $expected }: { $part ->
        [initial] бастапқы дауыссыз
        [medial] дауысты
       *[final] соңғы дауыссыз
    } { $given_jamo } емес, { $expected_jamo } болуы керек
lesson-diff-jamo-missing = { $given } → { $expected }: { $part ->
        [initial] бастапқы дауыссыз
        [medial] дауысты
       *[final] соңғы дауыссыз
    } { $expected_jamo } жетіспейді
lesson-diff-jamo-extra = { $given } → { $expected }: { $part ->
        [initial] бастапқы дауыссыз
        [medial] дауысты
       *[final] соңғы дауыссыз
    } { $given_jamo } қажет емес
lesson-diff-tone = { $given } → { $expected }: тон белгісі { $given_tone } емес, { $expected_tone }
lesson-diff-mark = { $given } → { $expected }: әріп { $given_letter } емес, { $expected_letter }
lesson-complete = Сабақ аяқталды
lesson-score = Бірінші әрекеттен дұрыс: { $correct } / { $total } ({ $percent }%)
lesson-next-lesson = Келесі сабақ
lesson-back-to-course = Курсқа оралу

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = Корей пернетақтасы
keyboard-keys-label = Корей пернетақтасының пернелері
keyboard-shift-label = Shift: қос дауыссыздар ㄲ ㄸ ㅃ ㅆ ㅉ және ㅒ ㅖ
keyboard-backspace-label = Backspace: бір әріпті өшіру
keyboard-space-label = Бос орын
keyboard-space-key = бос орын
keyboard-done-label = Дайын: корей пернетақтасын жасыру
keyboard-done = Дайын
keyboard-latin-to-hangul = Латын пернелерімен корейше теру

## Recording answers

recording-no-sync-layer = синхрондау қабаты іске қосылмаған

## Reviews page: flash cards of what is due today

review-title = Қайталау
review-loading = Бүгінгі қайталаулар ізделуде…
review-nothing-due = Қазір қайталайтын ештеңе жоқ. Ертең келіңіз немесе жаңа сабақ өтіңіз.
review-no-sync-layer = синхрондау қабаты жұмыс істемей тұр
review-position = { $current } / { $total }
review-done = Әзірге бітті
review-reviewed-count = Сіз { $count } карта қайталадыңыз.
review-home = Басты бет
review-new-card = Жаңа
review-show-answer = Жауапты көрсету
review-knew-it = Білдім
review-not-yet = Әлі білмеймін

## Course page: a course's units and lessons (src/pages/course.rs)

course-all-courses = ← Барлық курстар
course-loading = Курс жүктелуде…
course-lesson-steps = · { $count } қадам

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

download-error-connection = байланыс үзілді. Жүктелген бөлігі сақталды; желіге қосылғанда жалғастырыңыз
download-error-damaged = { $name } бүлінген күйде келе берді ({ $attempts } әрекет); кейінірек қайталап көріңіз
download-error-status = сервер { $name } файлына { $status } деп жауап берді
download-error-device-full = бұл құрылғының сақтау орны толы. Ештеңе жоғалған жоқ; аяқтаған курсыңыздың жүктелгендерін өшіріңіз (олардың тізімі «Осы құрылғы» бетінде) немесе құрылғыда орын босатыңыз, содан кейін жалғастырыңыз
download-error-storage = жүктелгенді сақтау мүмкін болмады: { $reason }
download-error-delete = жүктелгендерді өшіру мүмкін болмады: { $reason }
download-progress-label = Жүктеу барысы
download-save-data-note = Браузеріңіз трафикті үнемдеуді сұрайды: тек мәтінді жүктеу — көлемі шағын нұсқа.
download-start-all = Желіден тыс қолдану үшін жүктеп алу ({ $size })
download-start-rest = Қалғанын жүктеп алу ({ $size })
download-start-text-only = Тек мәтін ({ $size }); аудио желіде ғана ойнайды
download-start-audio-too = Аудионы да жүктеп алу ({ $size })
download-resume = Жүктеуді жалғастыру
download-pause = Кідірту
download-delete = Жүктелгендерді өшіру (прогресс сақталады)
download-unit-on-device = { $size } · осы құрылғыда
download-unit-to-download = Жүктеу көлемі: { $size }
download-unit-start = Бұл бөлімді жүктеп алу
download-assigned-paused = жүктеу кідіртілді
download-assigned-unavailable = бұл браузер жүктелгендерді сақтай алмайды (жасырын терезе ме?)
download-list-title = Жүктеп алынған курстар
download-list-loading = Жүктелгендер оқылуда…
download-list-error = Жүктелгендерді оқу мүмкін емес: { $reason }.
download-list-empty = Бірде-бір курс жүктеп алынбаған. Курсты желіден тыс қолдану үшін оның бетінен жүктеп алуға болады.
download-list-entry = { $title }: { $size }
download-list-delete = Жүктелгендерді өшіру
download-list-note = Жүктелгендерді өшіргенде прогресс сақталады; курс қайтадан тек желіде ашылады.
download-status-checking = Осы құрылғыда не бары тексерілуде…
download-status-not-downloaded = Жүктеп алынбаған. Аудиосымен бүкіл курстың көлемі — { $total }.
download-status-partly = Ішінара жүктелген: { $stored } / { $total }. Қалғанын алу үшін жалғастырыңыз.
download-status-text-only = Мәтін жүктелді: осы құрылғыда { $text }. Аудио ({ $audio }) тек желіде ойнайды.
download-status-downloading = Жүктелуде: { $done } / { $total }
download-status-few-seconds-left = Жүктелуде: { $done } / { $total }, бірнеше секунд қалды
download-status-seconds-left = Жүктелуде: { $done } / { $total }, шамамен { $seconds } с қалды
download-status-minutes-left = Жүктелуде: { $done } / { $total }, шамамен { $minutes } мин қалды
download-status-hours-left = Жүктелуде: { $done } / { $total }, шамамен { $hours } сағ қалды
download-status-paused = Кідіртілді: { $done } / { $total } жүктелді.
download-status-stopped = Жүктеу тоқтады: { $reason }.
download-status-complete = Жүктелді: осы құрылғыда { $total }. Желіден тыс жұмыс істейді.
download-status-unavailable = Бұл браузер жүктелгендерді сақтай алмайды (жасырын терезе ме?). Желіге қосулы кезде сабақтар бәрібір ашылады.

## "This device" page: languages, storage, connection (src/pages/settings.rs)

settings-title = Осы құрылғы
settings-interface-language-title = Тіл
settings-interface-language-label = baeum интерфейсінің тілі
settings-help-language-title = Көмек тілі
settings-help-language-label = Мағыналар мен көмек тілі
settings-storage-title = Жад
settings-storage-measuring = Жад өлшенуде…
settings-storage-unreported = Бұл браузер жад көлемін көрсетпейді.
settings-storage-use = baeum үшін қолжетімді { $quota } ішінен { $used } пайдаланылды.
settings-storage-meter-label = Пайдаланылған жад
settings-persistence-checking = Жүктелгендердің қорғалған-қорғалмағаны тексерілуде…
settings-persistence-protected = Жүктелгендеріңіз бен прогресіңіз қорғалған: браузер орын босату үшін оларды өшірмейді.
settings-persistence-not-protected = Құрылғыда орын азайса, браузер жүктелгендерді өшіруі мүмкін. Жауаптарыңыз мектепке жеткенше сақталады.
settings-protect-downloads = Жүктелгендерімді қорғау
settings-connection-title = Байланыс
settings-connection-offline = Желіден тыс. Жүктеп алғандарыңыздың бәрі жұмыс істей береді; жауаптар осы құрылғыда сақталады.
settings-connection-online = Желіде.
settings-about-title = Қолданба туралы

## My learning history page (src/pages/history.rs)

history-no-storage = Тарихқа осы құрылғының жады қажет, бірақ ол қолжетімсіз.
history-title = Менің оқу тарихым
history-intro = Бұл — сіздің жазбаңыз. Ол стандартты xAPI жазбалары түрінде сақталады, оларды кез келген оқу жазбаларының қоймасы оқи алады.
history-export = Тарихымды файл ретінде сақтау
history-import = Тарих файлын импорттау
history-loading = Тарихыңыз оқылуда…
history-empty = Әзірге ештеңе жоқ: сабақтарыңыз осында көрсетіледі.
history-day-summary = : { $lessons } сабақ аяқталды, { $answers } жауап ({ $right } дұрыс), { $items } материал оқылды
history-import-unreadable = файлды оқу мүмкін болмады
history-import-not-json = бұл тарих файлы емес (JSON емес: { $error })
history-import-not-a-list = бұл тарих файлы емес: ол жазбалар тізімі болуы керек
history-import-result = Импортталды: { $added }; бұрыннан бар: { $already_here }; басқа оқушыныкі: { $not_yours }; оқылмады: { $unreadable }.

## My classes page and the learner's assignments (src/teaching/learner.rs)

classes-title = Менің сыныптарым
classes-loading = Жүктелуде…
classes-signed-out = Сыныбыңызға қосылу үшін кіріңіз. Мұғаліміңіз беретін код қажет; электрондық пошта керек емес.
classes-join-title = Сыныпқа қосылу
classes-join-code-label = Мұғалімнен алған сынып коды
classes-join-button = Сыныпқа қосылу
classes-join-code-missing = Мұғаліміңіз берген кодты теріңіз.
classes-joined = Сіз { $class } сыныбына қосылдыңыз (мұғалім: { $teacher }).
classes-join-unknown-code = Бұл кодпен ешбір сынып жоқ. Кодты мұғаліміңізбен тексеріп, қайта теріңіз.
classes-join-not-a-code = Бұл сынып коды емес: { $reason }.
classes-join-rate-limited = Қате код тым көп рет енгізілді. { $wait } күтіп, қайталап көріңіз.
classes-wait-seconds = { $seconds ->
    [one] { $seconds } секунд
   *[other] { $seconds } секунд
}
classes-wait-minutes = { $minutes ->
    [one] { $minutes } минут
   *[other] { $minutes } минут
}
classes-join-offline = Сіз желіден тыссыз. Сыныпқа қосылу үшін интернет қажет; желіге қосылғанда қайталап көріңіз.
classes-join-signed-out = Алдымен кіріңіз, содан кейін сынып кодын теріңіз.
classes-join-forbidden = Бұл аккаунт қосыла алмайды: { $reason }.
classes-join-failed = Қосылу сәтсіз болды: { $reason }.
classes-mine-title = Мен оқитын сыныптар
classes-none = Сіз әлі ешбір сыныпта жоқсыз.
classes-class-teacher = · мұғалім { $teacher }
classes-list-as-of = Сыныптар тізімі: { $time } жағдайы бойынша
classes-for-teacher-before = Сыныптарыңыз бен олардың қосылу кодтары
classes-for-teacher-link = Оқыту
classes-for-teacher-after = бетінде.
classes-my-assignments-title = Менің тапсырмаларым
classes-assignments-as-of = { $time } жағдайы бойынша
classes-assignments-loading = Тапсырмаларыңыз жүктелуде…
classes-no-assignments = Әзірге тапсырма жоқ. Мұғаліміңіз тапсырма ретінде берген сабақтар осында шығады.
classes-download-assigned = Тапсырмаларымды желіден тыс қолдану үшін жүктеп алу
classes-download-assigned-finding = Тапсырмаларыңызға не қажет екені анықталуда…
classes-download-assigned-progress = Жүктелуде: { $current } / { $total }…
classes-download-assigned-done = Тапсырма ретінде берілген сабақтарыңыз осы құрылғыда: олар желіден тыс ашылады.
classes-download-assigned-stopped = Жүктеу тоқтады: { $reason }.
classes-assignment-assigned-by = Тапсырма берген:
classes-assignment-class = · сынып: { $class }
classes-assignment-due = Мерзімі:
classes-assignment-overdue = · Мерзімі өтті
classes-assignment-progress = { $status } ({ $done } / { $total } сабақ орындалды)

## Teacher pages

teach-nav-teach = Оқыту
teach-nav-classes = Сыныптар

## Teacher pages: errors from the school server
## These are put into other sentences after a colon (for example "The class was not created: …"),
## so in English they start with a lower-case letter.

teach-error-signed-out = сіз бұл құрылғыда кірмегенсіз; жалғастыру үшін кіріңіз
teach-error-offline = серверге қосылу мүмкін болмады; желіге қосылғанда қайталап көріңіз
teach-error-forbidden = аккаунтыңызға мұны істеуге рұқсат жоқ: { $reason }
teach-error-rate-limited = әрекет тым көп; қайталамас бұрын { $seconds } секунд күтіңіз
teach-error-unprepared = тапсырманы дайындау мүмкін болмады: { $error }
teach-error-unreadable-answer = сервер бұл қолданба оқи алмайтын жауап жіберді: { $error }
teach-error-refused = сервер бас тартты (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Басталмаған
teach-status-in-progress = Орындалуда
teach-status-done = Орындалды

## Teacher pages: dates and times

teach-due-missing = мерзімнің күні мен уақытын таңдаңыз
teach-due-unreadable = { $input } — 2026-12-01T17:00 сияқты күн мен уақыт емес
teach-time-never = ешқашан
teach-as-of = { $time } жағдайы бойынша
teach-due = мерзімі: { $time }
teach-last-active = соңғы белсенділік: { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = { $id } бөлімі
teach-lesson-by-id = { $id } сабағы
teach-target-whole-unit = { $course } › { $unit } (бүкіл бөлім)
teach-target-whole-course = { $course } (бүкіл курс)

## Teacher pages: who may see them

teach-loading = Жүктелуде…
teach-signed-out = Сынып құрып, тапсырма беру үшін мұғалім аккаунтымен кіріңіз.
teach-not-teacher = Бұл беттер мұғалімдерге арналған. Сыныптарыңыз бен тапсырмаларыңыз { $link } бетінде.
teach-not-teacher-link = Менің сыныптарым

## Teacher pages: the teacher's classes

teach-classes-title = Менің сыныптарым
teach-new-class-name = Жаңа сынып атауы
teach-create-class = Сынып құру
teach-create-class-name-missing = Сыныпқа атау беріңіз.
teach-create-class-failed = Сынып құрылмады: { $error }
teach-no-classes = Әзірге сынып жоқ. Жоғарыда біреуін құрыңыз.
teach-class-learner-count = { $count ->
    [one] { $count } оқушы
   *[other] { $count } оқушы
}
teach-join-code = Қосылу коды

## Teacher pages: one class

teach-back-to-classes = ← Менің сыныптарым
teach-class-address-invalid = Бұл мекенжай ешбір сыныпты көрсетпейді.
teach-class-title-fallback = Сынып
teach-class-settings = Сынып баптаулары
teach-class-name = Сынып атауы
teach-rename = Атауын өзгерту
teach-class-renamed = Сыныптың атауы өзгертілді.
teach-rename-failed = Атауы өзгертілмеді: { $error }
teach-rotate-join-code = Жаңа қосылу кодын жасау
teach-rotate-join-code-hint = Сыныптағы оқушылар сыныпта қалады; ескі код жұмыс істемей қалады.
teach-join-code-rotated = Сыныптың жаңа қосылу коды бар; ескісі енді жұмыс істемейді.
teach-rotate-failed = Жаңа код жасалмады: { $error }

## Teacher pages: the learners in a class

teach-members-title = Оқушылар
teach-no-members = Әзірге оқушы жоқ. Олар жоғарыдағы кодпен қосылады.
teach-remove = Шығару
teach-remove-member-label = { $name } оқушысын шығару
teach-confirm-removal = Шығаруды растау
teach-remove-question = { $name } оқушысын осы сыныптан шығарасыз ба? Ол сыныптың тапсырмаларына қолжетімділігін жоғалтады.
teach-remove-yes = Иә, шығару
teach-remove-keep = Қалдыру
teach-remove-failed = { $name } шығарылмады: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Тапсырма беру
teach-assign-course = Курс
teach-assign-choose-course = Курсты таңдаңыз
teach-assign-catalog-failed = Курстар тізімін жүктеу мүмкін болмады: { $error }.
teach-assign-unit = Бөлім (міндетті емес)
teach-assign-whole-course = Бүкіл курс
teach-assign-lesson = Сабақ (міндетті емес)
teach-assign-whole-unit = Бүкіл бөлім
teach-assign-due = Мерзімі (жергілікті уақытыңыз)
teach-assign-note = Оқушыларға ескертпе (міндетті емес)
teach-assign-for = Кімге
teach-assign-whole-class = Бүкіл сынып
teach-assign-chosen-learners = Таңдалған оқушылар
teach-assign = Тапсырма беру
teach-assign-course-missing = Тапсырма ретінде беретін курсты таңдаңыз.
teach-assign-due-unusable = Мерзімді қолдану мүмкін емес: { $problem }.
teach-assign-learners-missing = Кемінде бір оқушыны таңдаңыз немесе бүкіл сыныпқа тапсырма беріңіз.
teach-assigned = Тапсырма берілді.
teach-assigned-offline = Осы құрылғыда сақталды; желіге қайта қосылғанда жіберіледі.
teach-assign-save-failed = Тапсырманы осы құрылғыда сақтау мүмкін болмады: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Тапсырмалар
teach-queue-waiting = Жіберуді күтуде
teach-queue-refused = Сервер қабылдамады: { $reason }
teach-queue-dismiss = Жасыру
teach-audience-whole-class = бүкіл сынып
teach-audience-learners = { $count ->
    [one] { $count } оқушы
   *[other] { $count } оқушы
}
teach-quoted-note = «{ $note }»

## Teacher pages: the progress dashboard

teach-dashboard-title = Прогресс
teach-dashboard-loading = Бақылау тақтасы жүктелуде…
teach-dashboard-offline = Бұл — осы құрылғыда сақталған көшірме; оны жаңарту мүмкін болмады.
teach-dashboard-learners = Оқушылар
teach-most-missed-title = Ең көп қате жіберілген жаттығулар
teach-no-missed-items = Әзірге қате жоқ.
teach-missed-by-class = { $attempts } әрекеттен { $wrong } рет қате, { $learners } оқушы қателесті
teach-column-learner = Оқушы
teach-column-lesson = Сабақ
teach-column-status = Күйі
teach-column-lessons = Сабақтар
teach-column-score = Балл
teach-column-last-active = Соңғы белсенділік
teach-overdue = Мерзімі өтті
teach-lessons-done-of = { $done } / { $total }
teach-score-percent = { $percent }%
teach-csv-download = CSV жүктеп алу
teach-csv-refused-by-browser = Браузер жүктеп алуды қабылдамады.
teach-csv-failed = CSV алынбады: { $error }

## Teacher pages: one learner

teach-back-to-class = ← Сыныпқа оралу
teach-learner-title-fallback = Оқушы
teach-drill-down-as-of = { $time } жағдайы бойынша · соңғы белсенділік: { $last_active }
teach-drill-down-due = Мерзімі: { $time }
teach-items-missed-title = Қате жіберілген жаттығулар
teach-nothing-missed = Әзірге қате жоқ.
teach-missed-by-learner = { $attempts } әрекеттен { $wrong } рет қате

## Wellbeing: the check-in on home and where to get help

nav-help = Көмек
check-in-title = Бүгін көңіл-күйіңіз қалай?
check-in-face-1 = Өте мұңды
check-in-face-2 = Сәл мұңды
check-in-face-3 = Жаман емес
check-in-face-4 = Жақсы
check-in-face-5 = Өте қуанышты
check-in-words = Қаласаңыз, бірнеше сөз жазыңыз (кез келген тілде)
check-in-talk = Біреумен сөйлескім келеді
check-in-share = Мұны кім көре алады?
check-in-share-nobody = Тек мен
check-in-share-teacher = { $teacher }, «{ $class }» сыныбының мұғалімі
check-in-privacy = Мұғалімді таңдамасаңыз, жауабыңызды тек өзіңіз көресіз. Ол ешқашан бағаға әсер етпейді.
check-in-save = Сақтау
check-in-skip = Бүгін емес
check-in-thanks = Жауап бергеніңізге рақмет.
check-in-talk-private = Мұны тек өзіңіз көресіз, сондықтан сөйлескіңіз келетінін ешбір мұғалім білмейді. Келесі жолы мұғалімді таңдай аласыз. Сондай-ақ сенетін ересек адамға айтуға немесе «Көмек» бетіндегі көмек желілеріне қоңырау шалуға болады.
check-in-talk-shared = Мұғаліміңіз baeum қолданбасын келесі жолы ашқанда мұны көреді. Көмек дәл қазір керек болса, «Көмек» бетінде қоңырау шалуға болатын адамдар бар.
check-in-skipped = Ештеңе етпейді. Ертең кездескенше.
check-in-low = Осылай сезіну — қалыпты нәрсе. Сіз жалғыз емессіз: сізге көмектескісі келетін адамдар бар.
check-in-not-saved = Жауабыңыз сақталмады: { $reason }
help-title = Көмекті қайдан табуға болады
help-intro = Қиын болса, көмек сұрау — батылдық. Мәселенің маңызды екеніне сенімді болудың қажеті жоқ, корей тілін жетік білу де міндетті емес.
help-trusted-adult = Мұғаліммен, ата-анаңызбен немесе сенетін басқа ересек адаммен әрқашан сөйлесе аласыз. Мына жерлерде де сізді тыңдайды:
help-country = Қазір қайдасыз?
help-call = Қоңырау шалу: { $number }
help-loading = Көмек желілері ізделуде…
help-lines-unavailable = Интернетсіз көмек желілерінің тізімін көрсету мүмкін емес. Мұғаліммен немесе сенетін басқа ересек адаммен сөйлесіңіз, не интернет болғанда осы бетті қайта ашыңыз.
settings-check-in-title = Бүгін көңіл-күйіңіз қалай?
settings-check-in-enabled = Басты бетте «Бүгін көңіл-күйіңіз қалай?» деп сұрау (күніне бір реттен артық емес)
settings-check-in-shared-title = Жауаптарымды кім көреді
settings-check-in-shared-none = Сіз әлі ешбір мұғаліммен жауап бөліспедіңіз.
settings-check-in-shared-intro = Бұл мұғалімдер сіз көрсетуді таңдаған жауаптарды көреді. Оларды кез келген уақытта қайтарып ала аласыз.
settings-check-in-shared-count = { $count } жауап
settings-check-in-shared-left-class = Сіз енді оқымайтын сынып
settings-check-in-shared-stop = Бөлісуді тоқтату
settings-check-in-shared-stopped = Дайын. Ол мұғалім енді бұл жауаптарды көрмейді.
settings-check-in-shared-not-stopped = Бөлісуді тоқтату мүмкін болмады: { $reason }
settings-check-in-shared-unreadable = Бөліскен жауаптарыңызды көрсету мүмкін емес: { $reason }
history-export-check-ins = «Бүгін көңіл-күйіңіз қалай?» жауаптарымды да файлға қосу

## Wellbeing in the teachers' app

teach-wellbeing-title = Оқушыларыңыздың көңіл-күйі қалай?
teach-wellbeing-intro = Мұнда жауаптарын сізбен бөлісуді таңдаған оқушылар ғана көрсетіледі.
teach-wellbeing-none = Бұл сыныптағы оқушылардың ешқайсысы әзірге жауабын сізбен бөліспеді.
teach-wellbeing-trend-better = Соңғы кезде жақсырақ
teach-wellbeing-trend-steady = Соңғы кезде өзгеріссіз
teach-wellbeing-trend-lower = Соңғы кезде көңіл-күйі түсіп жүр
teach-wellbeing-recent = Соңғы жауаптар
teach-wellbeing-mood = 5-тен { $mood }
teach-wellbeing-request = Сөйлескісі келеді ({ $time })
teach-wellbeing-mark-seen = Көрілді деп белгілеу
teach-wellbeing-request-seen = Сөйлескісі келген ({ $asked }), көрілді: { $seen }
teach-wellbeing-no-open-requests = Сізбен сөйлесуді күтіп отырған оқушы жоқ.
teach-wellbeing-open-requests = { $count ->
       *[other] Сөйлесу туралы { $count } өтініш сізді күтіп тұр.
    }
