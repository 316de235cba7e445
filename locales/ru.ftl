# baeum's interface in Russian.
# Terms used throughout: курс, урок, раздел (unit), повторение (review), скачать / скачанные
# материалы (download / downloads), синхронизация (sync), класс (class), задание (assignment),
# без сети / в сети (offline / online), ученик (learner), учитель (teacher), код класса (join code).
# Address the user with «вы».

## Navigation

nav-main = Главное меню
nav-courses = Курсы
nav-me = Профиль
nav-device = Устройство

## Shell

shell-skip-to-content = Перейти к содержимому
shell-brand-home = главная
shell-online = В сети
shell-offline = Без сети
shell-update-ready = Готова новая версия baeum.
shell-update-now = Обновить
shell-synced = Синхронизировано
shell-saved-on-device = Сохранено на этом устройстве
shell-waiting-to-sync = { $count ->
        [one] { $count } ответ ждёт синхронизации
        [few] { $count } ответа ждут синхронизации
       *[many] { $count } ответов ждут синхронизации
    }
shell-waiting-on-device = { $count ->
        [one] { $count } ответ сохранён на этом устройстве
        [few] { $count } ответа сохранены на этом устройстве
       *[many] { $count } ответов сохранены на этом устройстве
    }

## Home

home-courses-title = Курсы
home-loading-courses = Загрузка курсов…
home-catalog-link = Искать среди всех курсов
home-course-meta = { $units ->
        [one] { $units } раздел
        [few] { $units } раздела
       *[many] { $units } разделов
    } · { $lessons ->
        [one] { $lessons } урок
        [few] { $lessons } урока
       *[many] { $lessons } уроков
    } · { $size } для скачивания
home-load-failed = Не удалось показать: { $reason }.
home-load-advice-offline = Подключитесь к интернету один раз, чтобы загрузить материалы, — после этого они будут доступны без сети.
home-load-advice-later = Попробуйте позже. Ваш прогресс в безопасности.
home-today = Сегодня
home-continue-lesson = Продолжить: { $lesson }
home-next-lesson = Далее: { $lesson }
home-streak-first-lesson = Начните свой первый урок сегодня.
home-streak-start-new = Пройдите урок сегодня, чтобы начать новую серию.
home-streak-days = { $days ->
        [one] { $days } день подряд
        [few] { $days } дня подряд
       *[many] { $days } дней подряд
    }
home-no-reviews-due = Повторений на сегодня нет
home-reviews-due = { $count ->
        [one] { $count } повторение на сегодня
        [few] { $count } повторения на сегодня
       *[many] { $count } повторений на сегодня
    }
home-lessons-done = Пройдено уроков
home-lessons-progress = { $done } из { $total ->
        [one] { $total } урока
       *[other] { $total } уроков
    }

## Progress

progress-storage-failed = не удалось прочитать ваш прогресс с этого устройства: { $reason }
progress-fold-unavailable = Не удалось подсчитать ваш прогресс: не загрузилась нужная часть приложения. Подключитесь к интернету и откройте эту страницу снова. Ничего из сделанного не потеряно.

## Not found

notfound-title = Такой страницы нет
notfound-back = Вернуться к курсам
page-chunk-loading = Открываем страницу…
page-chunk-failed = Не удалось загрузить эту страницу. Проверьте подключение и попробуйте снова.
assignments-chunk-failed = Не удалось загрузить ваши задания. Проверьте подключение и попробуйте снова.
page-chunk-retry = Попробовать снова
page-chunk-reload-hint = Если это повторяется при подключении к сети, возможно, приложение обновилось в другой вкладке: перезагрузите его.
page-chunk-reload = Перезагрузить приложение

## Account page

account-title = Профиль
account-intro = Учиться можно и без аккаунта: ваш прогресс хранится на этом устройстве. Войдите, чтобы он хранился ещё и на сервере школы и был виден на других ваших устройствах.
account-history-link = Моя история обучения: просмотреть, сохранить в файл, импортировать
account-sync-heading = Синхронизация
account-rejected-summary = { $count ->
        [one] Сервер отклонил { $count } ответ (всё сохранено на этом устройстве)
        [few] Сервер отклонил { $count } ответа (всё сохранено на этом устройстве)
       *[many] Сервер отклонил { $count } ответов (всё сохранено на этом устройстве)
    }
account-rejected-entry = { $activity } — { $reason }
account-rejected-unknown-activity = неизвестное упражнение
account-rejected-send-again = Отправить снова
account-rejected-send-again-help = Когда школа исправит то, из-за чего сервер отклонил эти ответы, отправьте их снова. Ответ, который сервер уже хранит в другом виде, снова отправить нельзя.
account-rejected-sent-again = { $count ->
        [one] { $count } ответ будет отправлен снова
        [few] { $count } ответа будут отправлены снова
       *[many] { $count } ответов будут отправлены снова
    }
account-rejected-invalid = некорректные данные: { $message }
account-rejected-conflict = конфликт: { $message }
account-rejected-too-large = слишком большой объём для сервера

## Account panel

account-panel = Аккаунт
account-username = Имя пользователя
account-password = Пароль
account-invitation = Код приглашения учителя
account-invitation-needed = чтобы создать учётную запись учителя, нужен код приглашения от администратора
account-sign-in = Войти
account-create = Создать аккаунт
account-signed-in-as = Вы вошли как { $username }
account-sign-out = Выйти
account-wrong-credentials = неверное имя пользователя или пароль
account-username-taken = это имя пользователя уже занято
account-unreachable = не удалось связаться с сервером; попробуйте снова, когда будете в сети
account-server-error = ошибка сервера (http { $status }); попробуйте позже
account-server-refused = сервер отклонил запрос (http { $status })
account-unreadable-answer = сервер прислал ответ, который приложение не может прочитать: { $detail }
account-storage-failed = не удалось сохранить данные для входа на этом устройстве: { $reason }

account-actions-heading = Ваша учётная запись
account-change-password-heading = Сменить пароль
account-current-password = Текущий пароль
account-new-password = Новый пароль
account-change-password = Сменить пароль
account-password-changed = Пароль изменён. На других устройствах выполнен выход.
account-sign-out-everywhere = Выйти на всех устройствах
account-signed-out-everywhere = Выход выполнен на всех устройствах, включая это.
account-delete-heading = Удалить учётную запись
account-delete-explained = Удаление учётной записи навсегда стирает её с сервера школы вместе со всеми записанными ответами и участием в классах. В отчётах учителей вас больше не будет; отчёт, который учитель уже сохранил в файл, — это копия школы, и она не изменится. Это устройство тоже забудет учётную запись и её ответы.
account-delete-confirm-label = Я понимаю, что это нельзя отменить
account-delete = Удалить мою учётную запись
account-deleted = Ваша учётная запись удалена.
account-wrong-current-password = текущий пароль неверен

## Sync details

sync-panel = Синхронизация
sync-activity-syncing = Синхронизация…
sync-activity-up-to-date = Всё синхронизировано
sync-activity-waiting-to-retry = Скоро попробуем снова
sync-activity-offline = Без сети: прогресс сохраняется на этом устройстве
sync-activity-sign-in-again = Войдите снова для синхронизации
sync-activity-not-signed-in = Вы не вошли: прогресс остаётся на этом устройстве
sync-waiting-label = Ждут синхронизации
sync-last-label = Последняя синхронизация
sync-last-never = Никогда
sync-problem-label = Проблема
sync-problem-none = Нет
sync-rejected-label = Отклонено сервером
sync-now = Синхронизировать
sync-problem-signed-out = вы вышли из аккаунта
sync-problem-server-unreachable = сервер недоступен
sync-problem-server-error = ошибка сервера (http { $status })
sync-problem-unreadable-answer = сервер прислал нечитаемый ответ: { $detail }
sync-problem-rejected = отклонено: { $detail }
sync-problem-refused = сервер отказал, не указав, какой ответ неверен (http { $status }), поэтому все ответы остаются на этом устройстве и будут отправлены позже: { $detail }
sync-problem-local-storage-failed = ошибка локального хранилища: { $detail }

## Load errors

load-unreachable = не удалось связаться с сервером, а это ещё не скачано
load-status = сервер ответил { $status } на запрос { $name }
load-unknown-course = курса `{ $course }` нет
load-unknown-lesson = в курсе `{ $course }` нет урока `{ $lesson }`
load-file-truncated = { $kind ->
        [catalog] файл каталога
        [manifest] файл описания курса
       *[lesson] файл урока
    } обрезан ({ $detail })
load-file-malformed = { $kind ->
        [catalog] файл каталога
        [manifest] файл описания курса
       *[lesson] файл урока
    } содержит ошибку в строке { $line }, столбце { $column }: { $detail }
load-file-unreadable = { $kind ->
        [catalog] файл каталога
        [manifest] файл описания курса
       *[lesson] файл урока
    } не в том формате, который читает эта версия: { $detail }
load-file-inconsistent = { $kind ->
        [catalog] файл каталога
        [manifest] файл описания курса
       *[lesson] файл урока
    } внутренне противоречив: { $detail }
load-file-unsupported-format = { $kind ->
        [catalog] у файла каталога
        [manifest] у файла описания курса
       *[lesson] у файла урока
    } формат пакета { $found }, а эта версия baeum читает формат { $expected }
load-not-hashed-name = `{ $name }` — не имя файла с хешем содержимого (64 строчные шестнадцатеричные цифры, точка и расширение)
load-hash-mismatch = содержимое `{ $name }` не соответствует его имени: его sha256 — { $actual }

## Storage

storage-indexeddb-unavailable = этот браузер не предоставляет здесь indexeddb (приватное окно или устаревший браузер)
storage-quota-exceeded = на устройстве не осталось места для этого приложения
storage-version-too-new = сохранённые данные созданы более новой версией приложения; перезагрузите страницу, чтобы обновиться
storage-migration-failed = не удалось обновить сохранённые данные: { $detail }
storage-duplicate-statement = запись с id { $id } уже сохранена
storage-invalid-statement = эту запись нельзя сохранить: { $detail }
storage-serialization = не удалось подготовить значение к сохранению: { $detail }
storage-unreadable-record = запись { $key } в { $store } не читается: { $detail }
storage-aborted = запись на устройство прервалась, и ничего из неё не сохранилось
storage-database-failed = ошибка локальной базы данных ({ $name }): { $detail }

## Lesson page

lesson-back-link = ← К курсу
lesson-loading = Загрузка урока…
lesson-saving = Сохраняем ваши ответы на этом устройстве…
lesson-saved = Сохранено на этом устройстве.
lesson-save-failed = Некоторые ответы не удалось сохранить на этом устройстве: { $reason }. Проверьте, есть ли свободное место на устройстве, и пройдите урок ещё раз.

## Lesson player

lesson-progress = Прогресс урока
lesson-position = { $current } из { $total }
lesson-culture-note = О культуре Кореи
lesson-hear-letter-name = Послушать название буквы: { $text }
lesson-hear-it = Послушать: { $text }
lesson-hear-word = Послушать слово: { $text }
lesson-hear-example = Послушать пример: { $text }
lesson-listen = Прослушать: { $text }
lesson-show-hint = Показать подсказку
lesson-continue-anyway = Всё равно продолжить
lesson-continue = Продолжить
lesson-typed-answer-label = Ваш ответ на корейском
lesson-check = Проверить
lesson-your-sentence = Ваше предложение
lesson-correct = Верно!
lesson-correct-written-exactly = Верно. Точное написание: { $expected }
lesson-not-quite = Не совсем.
lesson-answer-is = Правильный ответ: { $answer }
lesson-try-again = Попробуйте ещё раз или продолжайте.
lesson-diff-missing = не хватает { $expected }
lesson-diff-extra = { $given } — лишнее
lesson-diff-wrong = вместо { $given } должно быть { $expected }
lesson-diff-jamo-wrong = в { $given } → { $expected }: { $part ->
        [initial] начальная согласная
        [medial] гласная
       *[final] конечная согласная
    } — { $expected_jamo }, а не { $given_jamo }
lesson-diff-jamo-missing = в { $given } → { $expected }: не хватает { $part ->
        [initial] начальной согласной
        [medial] гласной
       *[final] конечной согласной
    } { $expected_jamo }
lesson-diff-jamo-extra = в { $given } → { $expected }: { $part ->
        [initial] начальная согласная
        [medial] гласная
       *[final] конечная согласная
    } { $given_jamo } не нужна
lesson-diff-tone = в { $given } → { $expected }: знак тона { $expected_tone }, а не { $given_tone }
lesson-diff-mark = в { $given } → { $expected }: буква { $expected_letter }, а не { $given_letter }
lesson-complete = Урок пройден
lesson-score = С первой попытки верно: { $correct } из { $total } ({ $percent } %)
lesson-next-lesson = Следующий урок
lesson-back-to-course = Вернуться к курсу

## Korean keyboard

keyboard-toggle = Корейская клавиатура
keyboard-keys-label = Клавиши корейской клавиатуры
keyboard-shift-label = Shift: напряжённые согласные ㄲ ㄸ ㅃ ㅆ ㅉ и ㅒ ㅖ
keyboard-backspace-label = Backspace: удалить одну букву
keyboard-space-label = Пробел
keyboard-space-key = пробел
keyboard-done-label = Готово: скрыть корейскую клавиатуру
keyboard-done = Готово
keyboard-latin-to-hangul = Латинские клавиши печатают корейские буквы

## Recording answers

recording-no-sync-layer = модуль синхронизации не запущен

## Reviews page

review-title = Повторение
review-loading = Ищем повторения на сегодня…
review-nothing-due = Сейчас повторять нечего. Возвращайтесь завтра или пройдите новый урок.
review-no-sync-layer = модуль синхронизации не работает
review-position = { $current } из { $total }
review-done = На сегодня всё
review-reviewed-count = { $count ->
        [one] Вы повторили { $count } карточку.
        [few] Вы повторили { $count } карточки.
       *[many] Вы повторили { $count } карточек.
    }
review-home = На главную
review-new-card = Новая
review-show-answer = Показать ответ
review-knew-it = Помню
review-not-yet = Пока не помню

## Course page

course-all-courses = ← Все курсы
course-loading = Загрузка курса…
course-lesson-steps = · { $count ->
        [one] { $count } шаг
        [few] { $count } шага
       *[many] { $count } шагов
    }

course-lesson-done = Пройден
course-lesson-started = { $total ->
        [one] Начат: { $seen } из { $total } шага
       *[other] Начат: { $seen } из { $total } шагов
    }
course-lesson-new = Новый
course-unit-progress = Пройдено уроков: { $done } из { $total }

course-enrolment-application = На этом сайте на курс записываются по заявке: уроки открыты уже сейчас, а сертификат — после одобрения заявки.
course-enrolment-assignment = На этом сайте курс проходят в классе учителя: уроки открыты уже сейчас, а сертификат — когда курс дадут вашему классу.

## Course downloads

download-error-connection = соединение прервалось. Скачанное сохранено; продолжите, когда будете в сети
download-error-damaged = файл { $name } несколько раз приходил повреждённым ({ $attempts ->
        [one] { $attempts } попытка
        [few] { $attempts } попытки
       *[many] { $attempts } попыток
    }); попробуйте позже
download-error-status = сервер ответил { $status } на запрос { $name }
download-error-device-full = на устройстве не осталось места. Ничего не потеряно; удалите скачанные материалы курса, который вы уже прошли (они перечислены на странице «Устройство»), или освободите место на устройстве, а затем продолжите
download-error-storage = не удалось сохранить скачанное: { $reason }
download-error-delete = не удалось удалить скачанные материалы: { $reason }
download-progress-label = Ход скачивания
download-save-data-note = Ваш браузер просит экономить трафик: скачать только текст — вариант поменьше.
download-start-all = Скачать для работы без сети ({ $size })
download-start-rest = Скачать остальное ({ $size })
download-start-text-only = Только текст ({ $size }); аудио — когда есть сеть
download-start-audio-too = Скачать и аудио ({ $size })
download-resume = Продолжить скачивание
download-pause = Пауза
download-delete = Удалить скачанные материалы (прогресс сохранится)
download-unit-on-device = { $size } · на этом устройстве
download-unit-to-download = { $size } для скачивания
download-unit-start = Скачать этот раздел
download-assigned-paused = скачивание приостановлено
download-assigned-unavailable = этот браузер не может хранить скачанные материалы (приватное окно?)
download-list-title = Скачанные курсы
download-list-loading = Читаем скачанные материалы…
download-list-error = Не удалось прочитать скачанные материалы: { $reason }.
download-list-empty = Скачанных курсов нет. Скачать курс для работы без сети можно на странице курса.
download-list-entry = { $title } — { $size }
download-list-delete = Удалить скачанное
download-list-note = Удаление скачанных материалов не затрагивает ваш прогресс; курс снова будет открываться только в сети.
download-status-checking = Проверяем, что уже есть на этом устройстве…
download-status-not-downloaded = Не скачан. Весь курс с аудио — { $total }.
download-status-partly = Скачан частично: { $stored } из { $total }. Продолжите, чтобы скачать остальное.
download-status-text-only = Текст скачан: { $text } на этом устройстве. Аудио ({ $audio }) воспроизводится только в сети.
download-status-downloading = Скачивание: { $done } из { $total }
download-status-few-seconds-left = Скачивание: { $done } из { $total }, осталось несколько секунд
download-status-seconds-left = Скачивание: { $done } из { $total }, осталось около { $seconds } с
download-status-minutes-left = Скачивание: { $done } из { $total }, осталось около { $minutes } мин
download-status-hours-left = Скачивание: { $done } из { $total }, осталось около { $hours } ч
download-status-paused = Пауза: скачано { $done } из { $total }.
download-status-stopped = Скачивание остановлено: { $reason }.
download-status-complete = Скачано: { $total } на этом устройстве. Курс работает без сети.
download-status-unavailable = Этот браузер не может хранить скачанные материалы (приватное окно?). В сети уроки по-прежнему открываются.

## "This device" page

settings-title = Это устройство
settings-interface-language-title = Язык
settings-interface-language-label = Показывать baeum на языке
settings-help-language-title = Язык подсказок
settings-help-language-label = Показывать значения слов и подсказки на языке
settings-storage-title = Хранилище
settings-storage-measuring = Измеряем хранилище…
settings-storage-unreported = Этот браузер не сообщает данные о хранилище.
settings-storage-use = Занято { $used } из { $quota }, доступных для baeum.
settings-storage-meter-label = Занято в хранилище
settings-persistence-checking = Проверяем, защищены ли скачанные материалы…
settings-persistence-protected = Ваши скачанные материалы и прогресс защищены: браузер не удалит их, чтобы освободить место.
settings-persistence-not-protected = Браузер может удалить скачанные материалы, когда на устройстве заканчивается место. Ваши ответы хранятся, пока не дойдут до школы.
settings-protect-downloads = Защитить мои скачанные материалы
settings-offline-title = Работа без сети
settings-whole-app-explain = Каждая открытая страница остаётся на этом устройстве и снова открывается без сети.
settings-whole-app-checking = Проверяем, что есть на этом устройстве…
settings-whole-app-keep = Сохранить всё приложение на этом устройстве ({ $size })
settings-whole-app-keep-again = Ещё раз попробовать сохранить всё приложение
settings-whole-app-keeping = Скачиваем всё приложение…
settings-whole-app-kept = Всё приложение на этом устройстве: любая страница откроется без сети.
settings-whole-app-failed = Некоторые части не удалось скачать. Подключитесь к интернету и попробуйте ещё раз.
settings-whole-app-unavailable = Этот браузер не может сохранить приложение для работы без сети с этого адреса.
settings-connection-title = Подключение
settings-connection-offline = Без сети. Всё скачанное по-прежнему работает; ответы хранятся на этом устройстве.
settings-connection-online = В сети.
settings-about-title = О приложении

## My learning history page

history-no-storage = Для истории нужно хранилище этого устройства, но оно недоступно.
history-title = Моя история обучения
history-intro = Это ваша история. Она хранится в виде стандартных записей xAPI, которые может прочитать любое хранилище учебных данных (LRS).
history-export = Сохранить мою историю в файл
history-import = Импортировать файл истории
history-loading = Читаем вашу историю…
history-empty = Пока пусто: здесь появятся ваши уроки.
history-day-summary = : { $lessons ->
        [one] пройден { $lessons } урок
        [few] пройдено { $lessons } урока
       *[many] пройдено { $lessons } уроков
    }, { $answers ->
        [one] { $answers } ответ
        [few] { $answers } ответа
       *[many] { $answers } ответов
    } ({ $right ->
        [one] { $right } верный
       *[other] { $right } верных
    }), { $items ->
        [one] прочитан { $items } материал
        [few] прочитано { $items } материала
       *[many] прочитано { $items } материалов
    }
history-import-unreadable = не удалось прочитать файл
history-import-not-json = это не файл истории (не JSON: { $error })
history-import-not-a-list = это не файл истории: в нём должен быть список записей
history-import-result = { $added ->
        [one] Импортирована { $added } запись
        [few] Импортированы { $added } записи
       *[many] Импортировано { $added } записей
    }; { $already_here ->
        [one] { $already_here } уже была на устройстве
       *[other] { $already_here } уже были на устройстве
    }; { $not_yours ->
        [one] { $not_yours } принадлежит другому ученику
       *[other] { $not_yours } принадлежат другому ученику
    }; { $unreadable } не удалось прочитать.

## My classes page and the learner's assignments

classes-title = Мои классы
classes-loading = Загрузка…
classes-signed-out = Войдите, чтобы присоединиться к своему классу. Понадобится код от учителя; электронная почта не нужна.
classes-join-title = Присоединиться к классу
classes-join-code-label = Код класса от учителя
classes-join-button = Присоединиться
classes-join-code-missing = Введите код, который дал вам учитель.
classes-joined = Вы присоединились к классу { $class } (учитель: { $teacher }).
classes-join-unknown-code = Класса с таким кодом нет. Уточните код у учителя и введите его снова.
classes-join-not-a-code = Это не код класса: { $reason }.
classes-join-rate-limited = Слишком много неверных кодов. Подождите { $wait } и попробуйте снова.
classes-wait-seconds = { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[many] { $seconds } секунд
}
classes-wait-minutes = { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
   *[many] { $minutes } минут
}
classes-join-offline = Вы не в сети. Чтобы присоединиться к классу, нужно подключение; попробуйте снова, когда будете в сети.
classes-join-signed-out = Сначала войдите, затем введите код класса.
classes-join-forbidden = Этот аккаунт не может присоединиться: { $reason }.
classes-join-failed = Не удалось присоединиться: { $reason }.
classes-mine-title = Классы, в которых я состою
classes-none = Вы пока не состоите ни в одном классе.
classes-class-teacher = · учитель { $teacher }
classes-list-as-of = Список классов на { $time }
classes-for-teacher-before = Откройте страницу
classes-for-teacher-link = Преподавание
classes-for-teacher-after = — там ваши классы и их коды.
classes-my-assignments-title = Мои задания
classes-assignments-as-of = Данные на { $time }
classes-assignments-loading = Загрузка ваших заданий…
classes-no-assignments = Заданий пока нет. Здесь появятся уроки, которые задаст учитель.
classes-download-assigned = Скачать мои задания для работы без сети
classes-download-assigned-finding = Выясняем, что нужно для ваших заданий…
classes-download-assigned-progress = Скачивание: { $current } из { $total }…
classes-download-assigned-done = Уроки из ваших заданий есть на этом устройстве: они открываются без сети.
classes-download-assigned-stopped = Скачивание остановлено: { $reason }.
classes-assignment-assigned-by = Учитель:
classes-assignment-class = · класс { $class }
classes-assignment-due = Срок:
classes-assignment-overdue = · Просрочено
classes-assignment-progress = { $status } (пройдено { $done } из { $total ->
        [one] { $total } урока
       *[other] { $total } уроков
    })

## Teacher pages

teach-nav-teach = Преподавание
teach-nav-classes = Классы

## Teacher pages: errors from the school server (start with a lower-case letter)

teach-error-signed-out = вы не вошли на этом устройстве; войдите, чтобы продолжить
teach-error-offline = не удалось связаться с сервером; попробуйте снова, когда будете в сети
teach-error-forbidden = вашему аккаунту это не разрешено: { $reason }
teach-error-rate-limited = слишком много попыток; подождите { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
       *[many] { $seconds } секунд
    } и попробуйте снова
teach-error-unprepared = не удалось подготовить задание: { $error }
teach-error-unreadable-answer = сервер прислал ответ, который приложение не может прочитать: { $error }
teach-error-refused = сервер отклонил запрос (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Не начато
teach-status-in-progress = В процессе
teach-status-done = Выполнено

## Teacher pages: dates and times

teach-due-missing = выберите дату и время сдачи
teach-due-unreadable = { $input } — это не дата и время в формате 2026-12-01T17:00
teach-time-never = никогда
teach-as-of = Данные на { $time }
teach-due = срок: { $time }
teach-last-active = последняя активность: { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = раздел { $id }
teach-lesson-by-id = урок { $id }
teach-target-whole-unit = { $course } › { $unit } (весь раздел)
teach-target-whole-course = { $course } (весь курс)

## Teacher pages: who may see them

teach-loading = Загрузка…
teach-signed-out = Войдите с аккаунтом учителя, чтобы создавать классы и задавать уроки.
teach-not-teacher = Эти страницы — для учителей. Ваши классы и задания находятся на странице { $link }.
teach-not-teacher-link = Мои классы

## Teacher pages: the teacher's classes

teach-classes-title = Мои классы
teach-new-class-name = Название нового класса
teach-create-class = Создать класс
teach-create-class-name-missing = Дайте классу название.
teach-create-class-failed = Класс не создан: { $error }
teach-no-classes = Классов пока нет. Создайте класс выше.
teach-class-learner-count = { $count ->
    [one] { $count } ученик
    [few] { $count } ученика
   *[many] { $count } учеников
}
teach-join-code = Код класса

## Teacher pages: one class

teach-back-to-classes = ← Мои классы
teach-class-address-invalid = Этот адрес не указывает на класс.
teach-class-title-fallback = Класс
teach-class-settings = Настройки класса
teach-class-name = Название класса
teach-rename = Переименовать
teach-class-renamed = Класс переименован.
teach-rename-failed = Класс не переименован: { $error }
teach-rotate-join-code = Создать новый код класса
teach-rotate-join-code-hint = Ученики, которые уже в классе, останутся в нём; старый код перестанет работать.
teach-join-code-rotated = У класса новый код; старый больше не работает.
teach-rotate-failed = Новый код не создан: { $error }

## Teacher pages: the site of the address, for its staff

teach-site-link = Управление сайтом
teach-site-not-yours = Эта страница — для сотрудников сайта, которому принадлежит этот адрес.
teach-site-role-teacher = Вы преподаёте на этом сайте.
teach-site-role-admin = Вы управляете этим сайтом.
teach-site-role-platform-admin = Вы управляете всей платформой, включая этот сайт.
teach-site-courses-title = Курсы этого сайта
teach-site-courses-all = Все курсы платформы, сейчас и в будущем
teach-site-courses-only = Только курсы, отмеченные ниже
teach-site-courses-save = Сохранить курсы
teach-site-courses-saved = Сохранено. Ученики увидят выбранные курсы, когда в следующий раз откроют сайт.
teach-site-courses-none = Отметьте хотя бы один курс или выберите все курсы.
teach-site-failed = Не выполнено: { $error }
teach-site-staff-title = Сотрудники сайта
teach-site-staff-teacher = Учитель
teach-site-staff-admin = Руководит сайтом
teach-site-staff-role-label = Роль: { $name }
teach-site-staff-remove = Убрать из сотрудников
teach-site-staff-saved = Сохранено.
teach-site-staff-hint = Учителя присоединяются по приглашению. Их классы остаются за ними, если они уходят из сотрудников.
teach-site-featured-title = На главной в первую очередь
teach-site-featured-hint = Ученики этого сайта видят эти курсы первыми на главной, в этом порядке. Если ничего не выбрано, на главной показаны первые курсы каталога.
teach-site-featured-up = Выше
teach-site-featured-up-label = Поднять курс «{ $course }» выше
teach-site-featured-remove = Убрать
teach-site-featured-remove-label = Убрать курс «{ $course }» с главной
teach-site-featured-choose = Курс этого сайта
teach-site-featured-add = Показать на главной
teach-site-featured-saved = Сохранено.
teach-site-invite-title = Пригласить учителя
teach-site-invite-hint = Одноразовый код: новый учитель вводит его, когда создаёт учётную запись в приложении для учителей на адресе этого сайта.
teach-site-invite = Создать код приглашения
teach-site-invitation-until = действует до { $time }
teach-site-report-title = Обучение на этом сайте
teach-site-report-hint = По курсам и месяцам. Число, за которым меньше { $smallest } учеников, не показывается, чтобы нельзя было узнать конкретного ребёнка.
teach-site-report-empty = На этом сайте пока нет записей об обучении.
teach-site-column-course = Курс
teach-site-column-month = Месяц
teach-site-column-active = Учились
teach-site-column-lessons = Пройдено уроков
teach-site-column-courses = Пройдено курсов
teach-site-report-download = Скачать отчёт (CSV)
teach-site-suppressed = меньше { $smallest }
teach-site-certificates-title = Сертификаты
teach-site-certificates-hint = Сертификаты, выданные этим сайтом, сначала новые. Сертификат, выданный по ошибке, можно отозвать: при проверке будет видно, что он отозван, а ученик сможет запросить его снова.
teach-site-certificates-none = Этот сайт пока не выдал ни одного сертификата.
teach-site-certificate-course = Курс
teach-site-certificate-name = Имя в сертификате
teach-site-certificate-issued = Выдан
teach-site-certificate-state = Состояние
teach-site-certificate-revoked = Отозван { $time }
teach-site-certificate-revoke = Отозвать
teach-site-certificate-revoke-confirm = Отозвать сертификат за курс «{ $course }» (владелец: { $name })? Это нельзя отменить.

## Teacher pages: a class taught with another school

teach-joint-title = Вместе с другой школой
teach-joint-schools = Школы: { $names }
teach-joint-teachers = Учителя
teach-joint-owner = создал(а) этот класс
teach-joint-hint = Чтобы вести этот класс вместе с учителем другой школы, дайте ему этот код учителя. Он вводит его в baeum на адресе своей школы; после этого его ученики присоединяются там по коду класса.
teach-joint-code = Код учителя
teach-joint-make-code = Создать код учителя
teach-joint-withdraw-code = Отключить этот код
teach-joint-remove = Убрать { $name } из этого класса
teach-joint-leave = Выйти из этого класса
teach-joint-failed = Не изменено: { $error }
teach-joint-take-up-title = Вести класс вместе с другой школой
teach-joint-take-up-code = Код учителя от учителя класса
teach-joint-take-up = Вести этот класс
teach-joint-take-up-failed = Класс не добавлен: { $error }
teach-joint-filter = Показать учеников
teach-joint-filter-all = всех школ

## Teacher pages: the learners in a class

teach-members-title = Ученики
teach-no-members = Учеников пока нет. Они присоединяются по коду выше.
teach-remove = Удалить
teach-remove-member-label = Удалить { $name }
teach-confirm-removal = Подтверждение удаления
teach-remove-question = Удалить { $name } из этого класса? Ученик потеряет доступ к заданиям класса.
teach-remove-yes = Да, удалить
teach-remove-keep = Оставить
teach-remove-failed = Не удалось удалить { $name }: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Задать уроки
teach-assign-course = Курс
teach-assign-choose-course = Выберите курс
teach-assign-catalog-failed = Не удалось загрузить список курсов: { $error }.
teach-assign-unit = Раздел (необязательно)
teach-assign-whole-course = Весь курс
teach-assign-lesson = Урок (необязательно)
teach-assign-whole-unit = Весь раздел
teach-assign-due = Срок (ваше местное время)
teach-assign-note = Заметка для учеников (необязательно)
teach-assign-for = Для кого
teach-assign-whole-class = Весь класс
teach-assign-chosen-learners = Выбранные ученики
teach-assign = Задать
teach-assign-course-missing = Выберите курс, который нужно задать.
teach-assign-due-unusable = Срок указан неверно: { $problem }.
teach-assign-learners-missing = Выберите хотя бы одного ученика или дайте задание всему классу.
teach-assigned = Задано.
teach-assigned-offline = Сохранено на этом устройстве; задание отправится, когда вы снова будете в сети.
teach-assign-save-failed = Не удалось сохранить задание на этом устройстве: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Задания
teach-queue-waiting = Ждёт отправки
teach-queue-refused = Не принято сервером: { $reason }
teach-queue-dismiss = Скрыть
teach-audience-whole-class = весь класс
teach-audience-learners = { $count ->
    [one] { $count } ученик
    [few] { $count } ученика
   *[many] { $count } учеников
}
teach-quoted-note = «{ $note }»

## Teacher pages: the progress dashboard

teach-dashboard-title = Прогресс
teach-dashboard-loading = Загрузка сводки…
teach-dashboard-offline = Это копия, сохранённая на этом устройстве; обновить её не удалось.
teach-dashboard-learners = Ученики
teach-most-missed-title = Вопросы с наибольшим числом ошибок
teach-no-missed-items = Ошибок пока нет.
teach-missed-by-class = { $wrong ->
        [one] { $wrong } ошибка
        [few] { $wrong } ошибки
       *[many] { $wrong } ошибок
    } из { $attempts ->
        [one] { $attempts } попытки
       *[other] { $attempts } попыток
    } у { $learners ->
        [one] { $learners } ученика
       *[other] { $learners } учеников
    }
teach-column-learner = Ученик
teach-column-lesson = Урок
teach-column-status = Статус
teach-column-lessons = Уроки
teach-column-score = Результат
teach-column-last-active = Последняя активность
teach-overdue = Просрочено
teach-lessons-done-of = { $done } из { $total }
teach-score-percent = { $percent } %
teach-csv-download = Скачать CSV
teach-csv-refused-by-browser = Браузер не принял скачивание.
teach-csv-failed = CSV не получен: { $error }

## Teacher pages: one learner

teach-back-to-class = ← Назад к классу
teach-learner-title-fallback = Ученик
teach-drill-down-as-of = Данные на { $time } · последняя активность: { $last_active }
teach-drill-down-due = Срок: { $time }
teach-items-missed-title = Вопросы с ошибками
teach-nothing-missed = Ошибок пока нет.
teach-missed-by-learner = { $wrong ->
        [one] { $wrong } ошибка
        [few] { $wrong } ошибки
       *[many] { $wrong } ошибок
    } из { $attempts ->
        [one] { $attempts } попытки
       *[other] { $attempts } попыток
    }

## Wellbeing: the check-in on home and where to get help

nav-help = Помощь
check-in-title = Как вы себя сегодня чувствуете?
check-in-face-1 = Очень грустно
check-in-face-2 = Немного грустно
check-in-face-3 = Нормально
check-in-face-4 = Хорошо
check-in-face-5 = Очень радостно
check-in-words = Несколько слов, если хотите (на любом языке)
check-in-talk = Я хочу с кем-нибудь поговорить
check-in-share = Кто может это увидеть?
check-in-share-nobody = Только я
check-in-share-teacher = { $teacher }, учитель класса «{ $class }»
check-in-privacy = Ваш ответ видите только вы, если не выберете учителя. Он никогда не влияет на оценки.
check-in-save = Сохранить
check-in-skip = Не сегодня
check-in-thanks = Спасибо за ответ.
check-in-talk-private = Это видите только вы, поэтому ни один учитель не знает, что вы хотите поговорить. В следующий раз можно выбрать учителя. А ещё можно рассказать взрослому, которому вы доверяете, или позвонить по телефонам помощи на странице «Помощь».
check-in-talk-shared = Ваш учитель увидит это, когда в следующий раз откроет baeum. Если помощь нужна прямо сейчас, на странице «Помощь» есть люди, которым можно позвонить.
check-in-skipped = Ничего страшного. До завтра!
check-in-low = Так себя чувствовать — нормально. Вы не одни: есть люди, которые хотят вам помочь.
check-in-not-saved = Не удалось сохранить ответ: { $reason }
help-title = Где найти помощь
help-intro = Если вам тяжело, попросить о помощи — это смело. Не обязательно знать наверняка, что это серьёзно, и не нужно хорошо говорить по-корейски.
help-trusted-adult = Вы всегда можете поговорить с учителем, родителями или другим взрослым, которому доверяете. Здесь тоже готовы выслушать:
help-country = Где вы сейчас?
help-call = Позвонить: { $number }
help-loading = Ищем телефоны помощи…
help-lines-unavailable = Без интернета список телефонов помощи показать нельзя. Поговорите с учителем или другим взрослым, которому доверяете, или откройте эту страницу снова, когда появится интернет.
settings-check-in-title = Как вы себя сегодня чувствуете?
settings-check-in-enabled = Спрашивать «Как вы себя сегодня чувствуете?» на главной странице (не чаще раза в день)
settings-check-in-shared-title = Кто видит мои ответы
settings-check-in-shared-none = Вы ещё не показывали ответы ни одному учителю.
settings-check-in-shared-intro = Эти учителя видят ответы, которые вы решили им показать. Вы можете забрать их в любой момент.
settings-check-in-shared-count = { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
        [many] { $count } ответов
       *[other] { $count } ответа
    }
settings-check-in-shared-left-class = Класс, в котором вас больше нет
settings-check-in-shared-stop = Больше не показывать
settings-check-in-shared-stopped = Готово. Этот учитель больше не видит эти ответы.
settings-check-in-shared-not-stopped = Не удалось перестать показывать: { $reason }
settings-check-in-shared-unreadable = Не удаётся показать, чем вы поделились: { $reason }
history-export-check-ins = Добавить в файл и мои ответы на вопрос «Как вы себя сегодня чувствуете?»

## Wellbeing in the teachers' app

teach-wellbeing-title = Как чувствуют себя ваши ученики?
teach-wellbeing-intro = Здесь видны только ученики, которые решили делиться с вами своими ответами.
teach-wellbeing-none = Никто из учеников этого класса пока не поделился с вами своими ответами.
teach-wellbeing-trend-better = В последнее время лучше
teach-wellbeing-trend-steady = В последнее время без изменений
teach-wellbeing-trend-lower = В последнее время хуже
teach-wellbeing-recent = Последние ответы
teach-wellbeing-mood = { $mood } из 5
teach-wellbeing-request = Хочет поговорить ({ $time })
teach-wellbeing-mark-seen = Отметить как просмотренное
teach-wellbeing-request-seen = Просьба поговорить ({ $asked }) просмотрена { $seen }
teach-wellbeing-no-open-requests = Никто не ждёт разговора с вами.
teach-wellbeing-open-requests = { $count ->
        [one] { $count } просьба о разговоре ждёт вас.
        [few] { $count } просьбы о разговоре ждут вас.
        [many] { $count } просьб о разговоре ждут вас.
       *[other] { $count } просьбы о разговоре ждут вас.
    }

## The catalogue: every course of the site, searched page by page

catalog-title = Все курсы
catalog-search-label = Слова из названия
catalog-subject-label = Предмет
catalog-level-label = Уровень
catalog-language-label = Язык подсказок
catalog-any = Любой
catalog-subject-korean = Корейский язык
catalog-subject-vietnamese = Вьетнамский язык
catalog-subject-math = Математика
catalog-subject-science = Естествознание
catalog-subject-social = Обществознание
catalog-subject-other = Другое
catalog-level-beginner = Начальный
catalog-level-elementary = Элементарный
catalog-level-intermediate = Средний
catalog-search = Найти
catalog-total = { $count ->
    [one] { $count } курс
    [few] { $count } курса
   *[many] { $count } курсов
}
catalog-none = Подходящих курсов нет.
catalog-offline = Нет сети: поиск среди { $count } курсов, которые уже открывались на этом устройстве.
catalog-lessons = { $lessons ->
    [one] { $lessons } урок
    [few] { $lessons } урока
   *[many] { $lessons } уроков
}, { $size }
catalog-pages = Страницы результатов
catalog-page = Страница { $page } из { $pages }
catalog-previous = Назад
catalog-next = Дальше

## Certificates: the learner's certificates and checking one (src/pages/certificates.rs, src/pages/verify.rs)

certificates-title = Мои сертификаты
certificates-intro = Сертификат подтверждает, что вы прошли курс на сайте. Он хранится на этом устройстве: его можно показать, распечатать или дать отсканировать его QR-код даже без сети.
certificates-none = У вас пока нет сертификатов.
certificates-as-of = Данные на { $time }, когда это устройство последний раз связывалось с сервером.
certificates-kind = Сертификат об окончании курса
certificates-issuer = Кем выдан
certificates-date = Дата
certificates-hours = Время обучения
certificates-hours-value = { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    }
certificates-id = Номер
certificates-revoked = Сайт отозвал этот сертификат { $date }.
certificates-qr-label = QR-код: отсканируйте его, чтобы проверить этот сертификат
certificates-code = Сертификат в виде текста
certificates-print = Распечатать
certificates-save = Сохранить в файл
certificates-save-all = Сохранить все мои сертификаты в один файл
certificates-request-title = Получить сертификат
certificates-request-intro = Когда вы пройдёте курс на этом сайте, запросите сертификат. Сервер проверит те ваши ответы, которые до него дошли.
certificates-course = Курс
certificates-name = Ваше имя, как его напечатать в сертификате
certificates-request = Запросить сертификат
certificates-issued = Ваш сертификат готов.
certificates-not-yet = Курс ещё не пройден: засчитано уроков — { $done } из { $total }.
certificates-missing-lesson = { $lesson }: урок ещё не пройден
certificates-low-score = { $lesson }: лучший результат { $best } %, пройдите урок ещё раз с более высоким результатом
certificates-not-offered = Этот сайт не выдаёт сертификат за этот курс.
certificates-sign-in = Войдите, чтобы получать сертификаты.
certificates-verify-link = Проверить сертификат
certificates-verify-title = Проверка сертификата
certificates-verify-intro = Вставьте текст сертификата или откройте его файл. Когда на этом устройстве уже есть ключи сайтов, для проверки сеть не нужна.
certificates-verify-text = Текст сертификата
certificates-verify-file = Открыть файл сертификата
certificates-verify = Проверить
certificates-valid = Подлинный
certificates-valid-detail = { $site } подтверждает, что { $name } окончил(а) курс «{ $course }» ({ $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    }) { $date }.
certificates-refused = Не принят
certificates-claims = В нём указано: { $name }, { $course }, { $site }, { $date }.
certificates-refusal-unreadable = Это не сертификат, или он повреждён либо обрезан.
certificates-refusal-unknown-key = Насколько известно этому устройству, его не подписывал ни один сайт этой платформы. Подключитесь к сети один раз, чтобы получить новейшие ключи, и проверьте снова.
certificates-refusal-other-site = Он подписан ключом другого сайта, а не того, который в нём указан.
certificates-refusal-retired = Его дата — уже после того, как ключ, которым он подписан, был заменён.
certificates-refusal-tampered = После подписания в нём что-то изменили.
certificates-refusal-revoked = Сайт отозвал его { $date }.
certificates-checked-as-of = Проверено по ключам сайтов и списку отозванных сертификатов на { $time }.
certificates-no-keys = На этом устройстве пока нет ключей сайтов. Подключитесь к интернету один раз и снова откройте эту страницу.
certificates-not-enrolled = На этом сайте на курс записываются по заявке или через класс учителя, а вы на него ещё не записаны. См. «Запись на курсы» выше.
certificates-applications-title = Запись на курсы
certificates-applications-intro = На некоторые курсы этого сайта нужно подать заявку: подайте её здесь, и сайт сообщит о своём решении. Пока вы ждёте, уроки курса можно проходить.
certificates-applications-places = { $places ->
        [one] ({ $places } место)
        [few] ({ $places } места)
        [many] ({ $places } мест)
       *[other] ({ $places } места)
    }
certificates-applications-apply = Подать заявку
certificates-applications-by-assignment = Проходится через класс учителя на этом сайте.
certificates-applications-queued = Ещё не отправлена: уйдёт, когда устройство будет в сети.
certificates-applications-refused = Не принята: { $reason }
certificates-applications-mine = Мои заявки
certificates-applications-none = Вы ещё не подавали заявок.
certificates-applications-applied = подана { $date }
certificates-applications-pending = Ждёт решения сайта
certificates-applications-waiting = В листе ожидания: { $place }-е место
certificates-applications-approved = Одобрена
certificates-applications-declined = Отклонена: { $reason }
certificates-applications-withdrawn = Отозвана
certificates-applications-withdraw = Отозвать заявку
teach-site-enrolment-title = Запись на курсы
teach-site-enrolment-hint = Как ученики попадают на каждый курс здесь: открыто (любой начинает сразу), по заявке (вы одобряете или отклоняете) или через класс учителя, которому курс задан. Сертификаты получают только записанные ученики. Уроки открыты всем.
teach-site-enrolment-course = Курс
teach-site-enrolment-mode = Как записаться
teach-site-enrolment-open = Открыто
teach-site-enrolment-application = По заявке
teach-site-enrolment-assignment = Через класс учителя
teach-site-enrolment-capacity = Мест (пусто — без ограничения)
teach-site-enrolment-places = { $places ->
        [one] ({ $places } место)
        [few] ({ $places } места)
        [many] ({ $places } мест)
       *[other] ({ $places } места)
    }
teach-site-enrolment-save = Сохранить
teach-site-enrolment-saved = Сохранено.
teach-site-applications-title = Заявки
teach-site-applications-none = Заявок пока нет.
teach-site-applications-approve = Одобрить
teach-site-applications-decline = Отклонить
teach-site-applications-reason = Причина отказа (ученик её увидит)
certificates-progress-title = На пути к сертификату
certificates-progress-line = { $course }: засчитано уроков — { $done } из { $total }
certificates-verify-scan = Сканировать камерой
certificates-verify-scan-stop = Выключить камеру
certificates-verify-scan-problem = Не удалось открыть камеру. Разрешите этой странице её использовать или вставьте текст сертификата.
