# baeum's interface in Mongolian.
# Монгол (кирилл) орчуулга. Нэр томьёо: хичээл (lesson), курс (course), бүлэг (unit),
# давталт (review), татах (download), синхрончлол (sync), анги (class), даалгавар (assignment),
# офлайн (offline).

## Navigation: the main menu in the header

nav-main = Үндсэн цэс
nav-courses = Курсууд
nav-me = Би
nav-device = Төхөөрөмж

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = Агуулга руу шилжих
shell-brand-home = нүүр хуудас
shell-online = Онлайн
shell-offline = Офлайн
shell-update-ready = baeum аппын шинэ хувилбар бэлэн боллоо.
shell-update-now = Одоо шинэчлэх
shell-synced = Синхрончлогдсон
shell-saved-on-device = Энэ төхөөрөмжид хадгалсан
shell-waiting-to-sync = Синхрончлол хүлээж буй: { $count }
shell-waiting-on-device = Энэ төхөөрөмжид хадгалсан: { $count }

## Home: today's standing and the list of courses

home-courses-title = Курсууд
home-loading-courses = Курсуудыг ачаалж байна…
home-course-meta = { $units } бүлэг · { $lessons } хичээл · татах хэмжээ { $size }
home-load-failed = Үүнийг харуулж чадсангүй: { $reason }.
home-load-advice-offline = Ачаалахын тулд нэг удаа интернэтэд холбогдоорой; үүний дараа офлайн ажиллана.
home-load-advice-later = Дараа дахин оролдоорой. Таны ахиц хадгалагдсан байгаа.
home-today = Өнөөдөр
home-continue-lesson = Үргэлжлүүлэх: { $lesson }
home-next-lesson = Дараагийнх: { $lesson }
home-streak-first-lesson = Анхны хичээлээ өнөөдөр эхлүүлээрэй.
home-streak-start-new = Шинэ цуврал эхлүүлэхийн тулд өнөөдөр нэг хичээл хийгээрэй.
home-streak-days = { $days ->
        [one] { $days } өдөр дараалан
       *[other] { $days } өдөр дараалан
    }
home-no-reviews-due = Давтах зүйл алга
home-reviews-due = { $count ->
        [one] Давтах карт: { $count }
       *[other] Давтах карт: { $count }
    }
home-lessons-done = Хийсэн хичээл
home-lessons-progress = { $total } хичээлээс { $done }

## Progress: reading the learner's progress from the device

progress-storage-failed = таны ахицыг энэ төхөөрөмжөөс уншиж чадсангүй: { $reason }
progress-fold-unavailable = Таны ахицыг тооцоолж чадсангүй: аппын шаардлагатай хэсгийг татаж чадсангүй. Интернэтэд холбогдоод энэ хуудсыг дахин нээнэ үү. Таны хийсэн зүйл алга болохгүй.

## Not found: an address that is no page of the app

notfound-title = Ийм хуудас байхгүй
notfound-back = Курсууд руугаа буцах
page-chunk-loading = Хуудсыг нээж байна…
page-chunk-failed = Энэ хуудсыг татаж чадсангүй. Холболтоо шалгаад дахин оролдоно уу.
assignments-chunk-failed = Таны даалгавруудыг татаж чадсангүй. Холболтоо шалгаад дахин оролдоно уу.
page-chunk-retry = Дахин оролдох
page-chunk-reload-hint = Онлайн байхад ч дахин давтагдвал апп өөр табад шинэчлэгдсэн байж магадгүй: аппыг дахин ачаална уу.
page-chunk-reload = Аппыг дахин ачаалах

## Account page ("Me")

account-title = Би
account-intro = Бүртгэлгүйгээр ч суралцаж болно: таны ахиц энэ төхөөрөмжид хадгалагдана. Ахицаа сургуулийн серверт бас хадгалж, бусад төхөөрөмждөө харахыг хүсвэл нэвтэрнэ үү.
account-history-link = Миний суралцсан түүх: харах, файл болгон хадгалах, импортлох
account-sync-heading = Синхрончлол
account-rejected-summary = Серверийн татгалзсан хариулт: { $count } (энэ төхөөрөмжид хадгалагдсан)
account-rejected-entry = { $activity }: { $reason }
account-rejected-unknown-activity = тодорхойгүй дасгал
account-rejected-invalid = хүчингүй: { $message }
account-rejected-conflict = зөрчил: { $message }
account-rejected-too-large = сервер хүлээн авахад хэт том

## Account panel: signing in, creating an account, signing out

account-panel = Бүртгэл
account-username = Хэрэглэгчийн нэр
account-password = Нууц үг
account-sign-in = Нэвтрэх
account-create = Бүртгэл үүсгэх
account-signed-in-as = { $username } нэрээр нэвтэрсэн
account-sign-out = Гарах
account-wrong-credentials = хэрэглэгчийн нэр эсвэл нууц үг буруу байна
account-username-taken = энэ хэрэглэгчийн нэрийг аль хэдийн ашигласан байна
account-unreachable = сервертэй холбогдож чадсангүй; онлайн болсон үедээ дахин оролдоорой
account-server-error = серверт алдаа гарлаа (http { $status }); дараа дахин оролдоорой
account-server-refused = сервер татгалзлаа (http { $status })
account-unreadable-answer = сервер энэ аппын уншиж чадахгүй хариу илгээлээ: { $detail }
account-storage-failed = нэвтрэлтийг энэ төхөөрөмжид хадгалж чадсангүй: { $reason }

## Sync details on the "Me" page

sync-panel = Синхрончлол
sync-activity-syncing = Синхрончилж байна…
sync-activity-up-to-date = Бүгд шинэчлэгдсэн
sync-activity-waiting-to-retry = Удахгүй дахин оролдоно
sync-activity-offline = Офлайн: ахиц энэ төхөөрөмжид хадгалагдаж байна
sync-activity-sign-in-again = Синхрончлохын тулд дахин нэвтэрнэ үү
sync-activity-not-signed-in = Нэвтрээгүй: ахиц энэ төхөөрөмжид үлдэнэ
sync-waiting-label = Синхрончлол хүлээж буй
sync-last-label = Сүүлийн синхрончлол
sync-last-never = Хэзээ ч үгүй
sync-problem-label = Асуудал
sync-problem-none = Байхгүй
sync-rejected-label = Серверийн татгалзсан
sync-now = Одоо синхрончлох
sync-problem-signed-out = нэвтрээгүй байна
sync-problem-server-unreachable = сервертэй холбогдох боломжгүй
sync-problem-server-error = серверийн алдаа (http { $status })
sync-problem-unreadable-answer = сервер уншигдахгүй хариу илгээлээ: { $detail }
sync-problem-rejected = татгалзсан: { $detail }
sync-problem-local-storage-failed = дотоод санах ойн алдаа: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = сервертэй холбогдож чадсангүй, мөн үүнийг хараахан татаж аваагүй байна
load-status = сервер { $name } файлд { $status } гэж хариуллаа
load-unknown-course = `{ $course }` гэсэн курс байхгүй
load-unknown-lesson = `{ $course }` курст `{ $lesson }` гэсэн хичээл байхгүй
load-file-truncated = { $kind ->
        [catalog] каталогийн
        [manifest] курсын манифест
       *[lesson] хичээлийн
    } файл дутуу байна ({ $detail })
load-file-malformed = { $kind ->
        [catalog] каталогийн
        [manifest] курсын манифест
       *[lesson] хичээлийн
    } файлын бүтэц алдаатай (мөр { $line }, багана { $column }): { $detail }
load-file-inconsistent = { $kind ->
        [catalog] каталогийн
        [manifest] курсын манифест
       *[lesson] хичээлийн
    } файл зөрчилтэй байна: { $detail }
load-file-unsupported-format = { $kind ->
        [catalog] каталогийн
        [manifest] курсын манифест
       *[lesson] хичээлийн
    } файлын багцын формат { $found }, харин baeum аппын энэ хувилбар { $expected } форматыг уншдаг
load-not-hashed-name = `{ $name }` нь агуулгын хэштэй файлын нэр биш (64 жижиг hex тэмдэгт, цэг, өргөтгөл)
load-hash-mismatch = `{ $name }` файлын байтууд нэртэйгээ таарахгүй байна: тэдгээрийн sha256 нь { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = энэ хөтөч энд indexeddb санал болгохгүй байна (нууц цонх эсвэл хуучин хөтөч)
storage-quota-exceeded = төхөөрөмжид энэ аппад зориулсан сул зай үлдээгүй байна
storage-version-too-new = хадгалсан өгөгдөл аппын шинэ хувилбараас ирсэн; шинэчлэхийн тулд хуудсыг дахин ачаална уу
storage-migration-failed = хадгалсан өгөгдлийг шинэчилж чадсангүй: { $detail }
storage-duplicate-statement = { $id } ID-тай бичлэг аль хэдийн бүртгэгдсэн байна
storage-invalid-statement = бичлэгийг бүртгэх боломжгүй: { $detail }
storage-serialization = утгыг хадгалахад бэлтгэж чадсангүй: { $detail }
storage-unreadable-record = { $store } дахь { $key } бичлэг уншигдахгүй байна: { $detail }
storage-aborted = бичилт тасалдсан тул юу ч хадгалагдсангүй
storage-database-failed = дотоод мэдээллийн санд алдаа гарлаа ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← Курс
lesson-loading = Хичээлийг ачаалж байна…
lesson-saving = Хариултуудыг энэ төхөөрөмжид хадгалж байна…
lesson-saved = Энэ төхөөрөмжид хадгалагдлаа.
lesson-save-failed = Зарим хариултыг энэ төхөөрөмжид хадгалж чадсангүй: { $reason }. Төхөөрөмжийн сул зайг шалгаад хичээлийг дахин хийгээрэй.

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = Хичээлийн ахиц
lesson-position = { $current } / { $total }
lesson-culture-note = Соёлын тэмдэглэл
lesson-hear-letter-name = Үсгийн нэрийг сонсох: { $text }
lesson-hear-it = Сонсох: { $text }
lesson-hear-word = Үгийг сонсох: { $text }
lesson-hear-example = Жишээг сонсох: { $text }
lesson-listen = Сонсоорой: { $text }
lesson-show-hint = Сануулга харах
lesson-continue-anyway = Ямартай ч үргэлжлүүлэх
lesson-continue = Үргэлжлүүлэх
lesson-typed-answer-label = Солонгос хэлээрх таны хариулт
lesson-check = Шалгах
lesson-your-sentence = Таны өгүүлбэр
lesson-correct = Зөв!
lesson-correct-written-exactly = Зөв. Яг зөв бичвэл: { $expected }
lesson-not-quite = Бүрэн зөв биш.
lesson-answer-is = Зөв хариулт: { $answer }
lesson-try-again = Дахин оролдох эсвэл үргэлжлүүлээрэй.
lesson-diff-missing = { $expected } дутуу байна
lesson-diff-extra = { $given } хэрэггүй
lesson-diff-wrong = { $given } биш, { $expected } байх ёстой
lesson-diff-jamo-wrong = { $given } → { $expected }: { $part ->
        [initial] эхний гийгүүлэгч
        [medial] эгшиг
       *[final] төгсгөлийн гийгүүлэгч
    } нь { $given_jamo } биш, { $expected_jamo } байна
lesson-diff-jamo-missing = { $given } → { $expected }: { $part ->
        [initial] эхний гийгүүлэгч
        [medial] эгшиг
       *[final] төгсгөлийн гийгүүлэгч
    } { $expected_jamo } дутуу байна
lesson-diff-jamo-extra = { $given } → { $expected }: { $part ->
        [initial] эхний гийгүүлэгч
        [medial] эгшиг
       *[final] төгсгөлийн гийгүүлэгч
    } { $given_jamo } хэрэггүй
lesson-diff-tone = { $given } → { $expected }: аялгууны тэмдэг { $given_tone } биш, { $expected_tone }
lesson-diff-mark = { $given } → { $expected }: үсэг { $given_letter } биш, { $expected_letter }
lesson-complete = Хичээл дууслаа
lesson-score = { $total } дасгалаас { $correct } нь эхний оролдлогоор зөв ({ $percent }%)
lesson-next-lesson = Дараагийн хичээл
lesson-back-to-course = Курс руу буцах

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = Солонгос гар
keyboard-keys-label = Солонгос гарын товчлуурууд
keyboard-shift-label = Shift: чанга гийгүүлэгч ㄲ ㄸ ㅃ ㅆ ㅉ болон ㅒ ㅖ
keyboard-backspace-label = Backspace: нэг үсэг устгах
keyboard-space-label = Хоосон зай
keyboard-space-key = зай
keyboard-done-label = Болсон: солонгос гарыг нуух
keyboard-done = Болсон
keyboard-latin-to-hangul = Латин товчлуураар солонгосоор бичих

## Recording answers

recording-no-sync-layer = синхрончлолын давхарга ажиллахгүй байна

## Reviews page: flash cards of what is due today

review-title = Давталт
review-loading = Өнөөдрийн давталтыг хайж байна…
review-nothing-due = Одоогоор давтах зүйл алга. Маргааш эргэж ирээрэй, эсвэл шинэ хичээл хийгээрэй.
review-no-sync-layer = синхрончлолын давхарга ажиллаагүй байна
review-position = { $current } / { $total }
review-done = Одоохондоо дууслаа
review-reviewed-count = { $count ->
        [one] Та { $count } карт давтлаа.
       *[other] Та { $count } карт давтлаа.
    }
review-home = Нүүр хуудас
review-new-card = Шинэ
review-show-answer = Хариултыг харах
review-knew-it = Мэдэж байсан
review-not-yet = Хараахан үгүй

## Course page: a course's units and lessons

course-all-courses = ← Бүх курс
course-loading = Курсыг ачаалж байна…
course-lesson-steps = { $count ->
        [one] · { $count } алхам
       *[other] · { $count } алхам
    }

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page

download-error-connection = холболт тасарлаа. Татсан хэсэг хадгалагдана; онлайн болсон үедээ үргэлжлүүлээрэй
download-error-damaged = { $name } файл дахин дахин гэмтэлтэй ирлээ ({ $attempts } оролдлого); дараа дахин оролдоорой
download-error-status = сервер { $name } файлд { $status } гэж хариуллаа
download-error-device-full = энэ төхөөрөмж дүүрсэн байна. Юу ч алга болоогүй; дуусгасан курсынхээ татсан файлуудыг устгах (Төхөөрөмж хуудсанд жагсаасан) эсвэл төхөөрөмжид зай гаргаад үргэлжлүүлээрэй
download-error-storage = татсан файлыг хадгалж чадсангүй: { $reason }
download-error-delete = татсан файлуудыг устгаж чадсангүй: { $reason }
download-progress-label = Татах явц
download-save-data-note = Таны хөтөч дата хэмнэхийг хүсэж байна: зөвхөн текстийг татах нь бага хэмжээтэй сонголт.
download-start-all = Офлайнд зориулж татах ({ $size })
download-start-rest = Үлдсэнийг татах ({ $size })
download-start-text-only = Зөвхөн текст ({ $size }); аудио онлайн үед тоглогдоно
download-start-audio-too = Аудиог бас татах ({ $size })
download-resume = Татахыг үргэлжлүүлэх
download-pause = Түр зогсоох
download-delete = Татсан файлуудыг устгах (ахиц хадгалагдана)
download-unit-on-device = { $size } · энэ төхөөрөмжид байна
download-unit-to-download = Татах хэмжээ: { $size }
download-unit-start = Энэ бүлгийг татах
download-assigned-paused = татах үйлдлийг түр зогсоосон
download-assigned-unavailable = энэ хөтөч татсан файлуудыг хадгалж чадахгүй (нууц цонх уу?)
download-list-title = Татсан курсууд
download-list-loading = Татсан файлуудыг уншиж байна…
download-list-error = Татсан файлуудыг уншиж чадахгүй байна: { $reason }.
download-list-empty = Татсан курс алга. Курсыг офлайн ашиглахын тулд курсын хуудаснаас нь татаж болно.
download-list-entry = { $title }: { $size }
download-list-delete = Татсан файлуудыг устгах
download-list-note = Татсан файлуудыг устгасан ч ахиц хадгалагдана; курс дахин зөвхөн онлайн нээгдэнэ.
download-status-checking = Энэ төхөөрөмжид юу байгааг шалгаж байна…
download-status-not-downloaded = Татаагүй. Аудиотой бүтэн курсын хэмжээ { $total }.
download-status-partly = Хэсэгчлэн татсан: { $stored } / { $total }. Үлдсэнийг авахын тулд үргэлжлүүлээрэй.
download-status-text-only = Текстийг татсан: энэ төхөөрөмжид { $text }. Аудио ({ $audio }) зөвхөн онлайн үед тоглогдоно.
download-status-downloading = Татаж байна: { $done } / { $total }
download-status-few-seconds-left = Татаж байна: { $done } / { $total }, хэдхэн секунд үлдлээ
download-status-seconds-left = Татаж байна: { $done } / { $total }, ойролцоогоор { $seconds } сек үлдлээ
download-status-minutes-left = Татаж байна: { $done } / { $total }, ойролцоогоор { $minutes } мин үлдлээ
download-status-hours-left = Татаж байна: { $done } / { $total }, ойролцоогоор { $hours } цаг үлдлээ
download-status-paused = Түр зогсоосон: { $done } / { $total } татсан.
download-status-stopped = Татах үйлдэл зогслоо: { $reason }.
download-status-complete = Татаж дууссан: энэ төхөөрөмжид { $total }. Офлайн ажиллана.
download-status-unavailable = Энэ хөтөч татсан файлуудыг хадгалж чадахгүй (нууц цонх уу?). Онлайн үед хичээлүүд нээгдсээр байна.

## "This device" page: languages, storage, connection

settings-title = Энэ төхөөрөмж
settings-interface-language-title = Хэл
settings-interface-language-label = baeum аппын хэл:
settings-help-language-title = Тусламжийн хэл
settings-help-language-label = Утга, тусламжийг харуулах хэл:
settings-storage-title = Санах ой
settings-storage-measuring = Санах ойг хэмжиж байна…
settings-storage-unreported = Энэ хөтөч санах ойн мэдээллээ өгдөггүй.
settings-storage-use = Ашигласан: { $used } · baeum аппад боломжтой: { $quota }.
settings-storage-meter-label = Ашигласан санах ой
settings-persistence-checking = Татсан файлууд хамгаалагдсан эсэхийг шалгаж байна…
settings-persistence-protected = Таны татсан файлууд болон ахиц хамгаалагдсан: хөтөч зай гаргахын тулд тэдгээрийг устгахгүй.
settings-persistence-not-protected = Төхөөрөмжийн зай багасахад хөтөч татсан файлуудыг устгаж магадгүй. Таны хариултууд сургуульд хүрэх хүртлээ хадгалагдана.
settings-protect-downloads = Татсан файлуудаа хамгаалах
settings-connection-title = Холболт
settings-connection-offline = Офлайн. Татсан бүх зүйл ажилласаар байна; хариултууд энэ төхөөрөмжид хадгалагдана.
settings-connection-online = Онлайн.
settings-about-title = Тухай

## My learning history page

history-no-storage = Түүхэнд энэ төхөөрөмжийн санах ой хэрэгтэй боловч ашиглах боломжгүй байна.
history-title = Миний суралцсан түүх
history-intro = Энэ бол таны бүртгэл. Стандарт xAPI бичлэг хэлбэрээр хадгалагддаг тул суралцахуйн бүртгэлийн ямар ч сан үүнийг уншиж чадна.
history-export = Түүхээ файл болгон хадгалах
history-import = Түүхийн файл импортлох
history-loading = Таны түүхийг уншиж байна…
history-empty = Одоогоор юу ч алга: таны хичээлүүд энд харагдана.
history-day-summary = : { $lessons } хичээл дуусгасан, { $answers } хариулт ({ $right } зөв), { $items } зүйл уншсан
history-import-unreadable = файлыг уншиж чадсангүй
history-import-not-json = энэ түүхийн файл биш (JSON биш: { $error })
history-import-not-a-list = энэ түүхийн файл биш: бичлэгүүдийн жагсаалт байх ёстой
history-import-result = Импортолсон: { $added }; аль хэдийн байсан: { $already_here }; өөр суралцагчийнх: { $not_yours }; уншигдаагүй: { $unreadable }.

## My classes page and the learner's assignments

classes-title = Миний ангиуд
classes-loading = Ачаалж байна…
classes-signed-out = Ангидаа нэгдэхийн тулд нэвтэрнэ үү. Багшийн өгсөн код хэрэгтэй; имэйл шаардлагагүй.
classes-join-title = Ангид нэгдэх
classes-join-code-label = Багшаас авсан ангийн код
classes-join-button = Ангид нэгдэх
classes-join-code-missing = Багшийн өгсөн кодыг бичнэ үү.
classes-joined = Та { $class } ангид нэгдлээ (багш: { $teacher }).
classes-join-unknown-code = Ийм кодтой анги алга. Кодоо багштайгаа шалгаад дахин бичнэ үү.
classes-join-not-a-code = Энэ ангийн код биш: { $reason }.
classes-join-rate-limited = Хэт олон удаа буруу код оруулсан. { $wait } хүлээгээд дахин оролдоорой.
classes-wait-seconds = { $seconds ->
    [one] { $seconds } секунд
   *[other] { $seconds } секунд
}
classes-wait-minutes = { $minutes ->
    [one] { $minutes } минут
   *[other] { $minutes } минут
}
classes-join-offline = Та офлайн байна. Ангид нэгдэхэд холболт хэрэгтэй; онлайн болсон үедээ дахин оролдоорой.
classes-join-signed-out = Эхлээд нэвтэрч, дараа нь ангийн кодоо бичнэ үү.
classes-join-forbidden = Энэ бүртгэлээр нэгдэх боломжгүй: { $reason }.
classes-join-failed = Нэгдэж чадсангүй: { $reason }.
classes-mine-title = Миний харьяалагддаг ангиуд
classes-none = Та одоогоор ямар ч ангид ороогүй байна.
classes-class-teacher = · багш { $teacher }
classes-list-as-of = Ангийн жагсаалт · шинэчилсэн: { $time }
classes-for-teacher-before = Таны ангиуд болон тэдгээрийн нэгдэх код
classes-for-teacher-link = Заах
classes-for-teacher-after = хуудсанд байна.
classes-my-assignments-title = Миний даалгаврууд
classes-assignments-as-of = Шинэчилсэн: { $time }
classes-assignments-loading = Даалгавруудыг ачаалж байна…
classes-no-assignments = Одоогоор даалгавар алга. Багшийн өгсөн хичээлүүд энд харагдана.
classes-download-assigned = Даалгавруудаа офлайнд зориулж татах
classes-download-assigned-finding = Даалгавруудад юу хэрэгтэйг хайж байна…
classes-download-assigned-progress = Татаж байна: { $current } / { $total }…
classes-download-assigned-done = Даалгаварт өгсөн хичээлүүд энэ төхөөрөмжид байна: офлайн нээгдэнэ.
classes-download-assigned-stopped = Татах үйлдэл зогслоо: { $reason }.
classes-assignment-assigned-by = Даалгавар өгсөн:
classes-assignment-class = · анги { $class }
classes-assignment-due = Дуусах хугацаа:
classes-assignment-overdue = · Хугацаа хэтэрсэн
classes-assignment-progress = { $status } ({ $total } хичээлээс { $done } нь дууссан)

## Teacher pages

teach-nav-teach = Заах
teach-nav-classes = Ангиуд

## Teacher pages: errors from the school server

teach-error-signed-out = та энэ төхөөрөмжид нэвтрээгүй байна; үргэлжлүүлэхийн тулд нэвтэрнэ үү
teach-error-offline = сервертэй холбогдож чадсангүй; онлайн болсон үедээ дахин оролдоорой
teach-error-forbidden = таны бүртгэл үүнийг хийх эрхгүй: { $reason }
teach-error-rate-limited = { $seconds ->
    [one] хэт олон оролдлого; дахин оролдохын өмнө { $seconds } секунд хүлээнэ үү
   *[other] хэт олон оролдлого; дахин оролдохын өмнө { $seconds } секунд хүлээнэ үү
}
teach-error-unprepared = даалгаврыг бэлтгэж чадсангүй: { $error }
teach-error-unreadable-answer = сервер энэ аппын уншиж чадахгүй хариу илгээлээ: { $error }
teach-error-refused = сервер татгалзлаа (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Эхлээгүй
teach-status-in-progress = Хийгдэж байна
teach-status-done = Дууссан

## Teacher pages: dates and times

teach-due-missing = дуусах огноо, цагийг сонгоно уу
teach-due-unreadable = { $input } нь 2026-12-01T17:00 гэх мэт огноо, цаг биш байна
teach-time-never = хэзээ ч үгүй
teach-as-of = Шинэчилсэн: { $time }
teach-due = дуусах хугацаа: { $time }
teach-last-active = сүүлд идэвхтэй: { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = бүлэг { $id }
teach-lesson-by-id = хичээл { $id }
teach-target-whole-unit = { $course } › { $unit } (бүтэн бүлэг)
teach-target-whole-course = { $course } (бүтэн курс)

## Teacher pages: who may see them

teach-loading = Ачаалж байна…
teach-signed-out = Анги үүсгэж, хичээл даалгахын тулд багшийн бүртгэлээр нэвтэрнэ үү.
teach-not-teacher = Эдгээр хуудас багш нарт зориулагдсан. Таны ангиуд болон даалгаврууд { $link } хэсэгт байна.
teach-not-teacher-link = Миний ангиуд

## Teacher pages: the teacher's classes

teach-classes-title = Миний ангиуд
teach-new-class-name = Шинэ ангийн нэр
teach-create-class = Анги үүсгэх
teach-create-class-name-missing = Ангид нэр өгнө үү.
teach-create-class-failed = Анги үүссэнгүй: { $error }
teach-no-classes = Одоогоор анги алга. Дээрээс нэгийг үүсгээрэй.
teach-class-learner-count = { $count ->
    [one] { $count } суралцагч
   *[other] { $count } суралцагч
}
teach-join-code = Нэгдэх код

## Teacher pages: one class

teach-back-to-classes = ← Миний ангиуд
teach-class-address-invalid = Энэ хаяг ямар ч ангийг заагаагүй байна.
teach-class-title-fallback = Анги
teach-class-settings = Ангийн тохиргоо
teach-class-name = Ангийн нэр
teach-rename = Нэр солих
teach-class-renamed = Ангийн нэрийг солилоо.
teach-rename-failed = Нэр солигдсонгүй: { $error }
teach-rotate-join-code = Шинэ нэгдэх код үүсгэх
teach-rotate-join-code-hint = Ангид байгаа суралцагчид хэвээр үлдэнэ; хуучин код ажиллахаа болино.
teach-join-code-rotated = Ангид шинэ нэгдэх код үүслээ; хуучин код ажиллахаа больсон.
teach-rotate-failed = Шинэ код үүссэнгүй: { $error }

## Teacher pages: the learners in a class

teach-members-title = Суралцагчид
teach-no-members = Одоогоор суралцагч алга. Тэд дээрх кодоор нэгдэнэ.
teach-remove = Хасах
teach-remove-member-label = Хасах: { $name }
teach-confirm-removal = Хасахыг баталгаажуулах
teach-remove-question = { $name } суралцагчийг энэ ангиас хасах уу? Тэр энэ ангийн даалгавруудыг харах эрхээ алдана.
teach-remove-yes = Тийм, хасах
teach-remove-keep = Үлдээх
teach-remove-failed = { $name } суралцагчийг хасаж чадсангүй: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Хичээл даалгах
teach-assign-course = Курс
teach-assign-choose-course = Курс сонгох
teach-assign-catalog-failed = Курсын жагсаалтыг ачаалж чадсангүй: { $error }.
teach-assign-unit = Бүлэг (заавал биш)
teach-assign-whole-course = Бүтэн курс
teach-assign-lesson = Хичээл (заавал биш)
teach-assign-whole-unit = Бүтэн бүлэг
teach-assign-due = Дуусах хугацаа (таны орон нутгийн цаг)
teach-assign-note = Суралцагчдад зориулсан тэмдэглэл (заавал биш)
teach-assign-for = Хэнд
teach-assign-whole-class = Бүх анги
teach-assign-chosen-learners = Сонгосон суралцагчид
teach-assign = Даалгах
teach-assign-course-missing = Даалгах курсаа сонгоно уу.
teach-assign-due-unusable = Дуусах хугацааг ашиглах боломжгүй: { $problem }.
teach-assign-learners-missing = Дор хаяж нэг суралцагч сонгох эсвэл бүх ангид даалгана уу.
teach-assigned = Даалгалаа.
teach-assigned-offline = Энэ төхөөрөмжид хадгаллаа; дахин онлайн болмогц илгээгдэнэ.
teach-assign-save-failed = Даалгаврыг энэ төхөөрөмжид хадгалж чадсангүй: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Даалгаврууд
teach-queue-waiting = Илгээхийг хүлээж байна
teach-queue-refused = Сервер хүлээн аваагүй: { $reason }
teach-queue-dismiss = Хаах
teach-audience-whole-class = бүх анги
teach-audience-learners = { $count ->
    [one] { $count } суралцагч
   *[other] { $count } суралцагч
}
teach-quoted-note = «{ $note }»

## Teacher pages: the progress dashboard

teach-dashboard-title = Ахиц
teach-dashboard-loading = Самбарыг ачаалж байна…
teach-dashboard-offline = Энэ бол энэ төхөөрөмжид хадгалсан хуулбар; шинэчилж чадсангүй.
teach-dashboard-learners = Суралцагчид
teach-most-missed-title = Хамгийн их алдсан асуултууд
teach-no-missed-items = Одоогоор алдсан асуулт алга.
teach-missed-by-class = { $attempts } оролдлогоос { $wrong } удаа алдсан, алдсан суралцагч: { $learners }
teach-column-learner = Суралцагч
teach-column-lesson = Хичээл
teach-column-status = Төлөв
teach-column-lessons = Хичээлүүд
teach-column-score = Оноо
teach-column-last-active = Сүүлд идэвхтэй
teach-overdue = Хугацаа хэтэрсэн
teach-lessons-done-of = { $done } / { $total }
teach-score-percent = { $percent }%
teach-csv-download = CSV татах
teach-csv-refused-by-browser = Хөтөч татахыг зөвшөөрсөнгүй.
teach-csv-failed = CSV үүссэнгүй: { $error }

## Teacher pages: one learner

teach-back-to-class = ← Анги руу буцах
teach-learner-title-fallback = Суралцагч
teach-drill-down-as-of = Шинэчилсэн: { $time } · сүүлд идэвхтэй: { $last_active }
teach-drill-down-due = Дуусах хугацаа: { $time }
teach-items-missed-title = Алдсан асуултууд
teach-nothing-missed = Одоогоор алдсан зүйл алга.
teach-missed-by-learner = { $attempts } оролдлогоос { $wrong } удаа алдсан

## Wellbeing: the check-in on home and where to get help

nav-help = Тусламж
check-in-title = Өнөөдөр ямар байна вэ?
check-in-face-1 = Маш гунигтай
check-in-face-2 = Бага зэрэг гунигтай
check-in-face-3 = Зүгээр
check-in-face-4 = Сайн
check-in-face-5 = Маш баяртай
check-in-words = Хүсвэл хэдэн үг бичээрэй (ямар ч хэлээр)
check-in-talk = Би хэн нэгэнтэй ярилцмаар байна
check-in-share = Үүнийг хэн харж болох вэ?
check-in-share-nobody = Зөвхөн би
check-in-share-teacher = { $teacher }, «{ $class }» ангийн багш
check-in-privacy = Та багш сонгохгүй бол хариултыг тань зөвхөн Та л харна. Энэ нь хэзээ ч дүнд нөлөөлөхгүй.
check-in-save = Хадгалах
check-in-skip = Өнөөдөр биш
check-in-thanks = Хариулсанд баярлалаа.
check-in-talk-private = Үүнийг зөвхөн Та л харна, тиймээс Таныг ярилцмаар байгааг ямар ч багш мэдэхгүй. Дараагийн удаа Та багш сонгож болно. Мөн итгэдэг насанд хүрсэн хүндээ хэлэх, эсвэл «Тусламж» хуудсан дээрх тусламжийн утсанд залгаж болно.
check-in-talk-shared = Таны багш дараагийн удаа baeum аппыг нээхдээ үүнийг харна. Яг одоо тусламж хэрэгтэй бол «Тусламж» хуудсан дээр залгаж болох хүмүүс бий.
check-in-skipped = Зүгээр дээ. Маргааш уулзъя.
check-in-low = Ингэж мэдрэх нь хэвийн зүйл. Та ганцаараа биш: Танд туслахыг хүсдэг хүмүүс бий.
check-in-not-saved = Хариултыг хадгалж чадсангүй: { $reason }
help-title = Хаанаас тусламж авах вэ
help-intro = Хэцүү байвал тусламж хүсэх нь зоригтой алхам. Асуудал ноцтой эсэхийг мэдэх шаардлагагүй, солонгос хэлээ сайн мэдэх ч шаардлагагүй.
help-trusted-adult = Та багш, эцэг эх эсвэл итгэдэг өөр насанд хүрсэн хүнтэйгээ хэзээ ч ярилцаж болно. Эдгээр газар ч бас Таныг сонсоход бэлэн:
help-country = Та одоо хаана байна?
help-call = Залгах: { $number }
help-loading = Тусламжийн утсыг хайж байна…
help-lines-unavailable = Интернэтгүй үед тусламжийн утасны жагсаалтыг харуулах боломжгүй. Багш эсвэл итгэдэг өөр насанд хүрсэн хүнтэйгээ ярилцаарай, эсвэл интернэттэй болохоороо энэ хуудсыг дахин нээгээрэй.
settings-check-in-title = Өнөөдөр ямар байна вэ?
settings-check-in-enabled = Нүүр хуудсанд «Өнөөдөр ямар байна вэ?» гэж асуух (өдөрт нэгээс илүүгүй)
settings-check-in-shared-title = Миний хариултыг хэн харах вэ
settings-check-in-shared-none = Та одоогоор ямар ч багштай хариултаа хуваалцаагүй байна.
settings-check-in-shared-intro = Эдгээр багш Таны хуваалцахаар сонгосон хариултыг харж чадна. Та хүссэн үедээ буцааж авч болно.
settings-check-in-shared-count = { $count } хариулт
settings-check-in-shared-left-class = Таны одоо суралцдаггүй анги
settings-check-in-shared-stop = Хуваалцахаа болих
settings-check-in-shared-stopped = Боллоо. Тэр багш эдгээр хариултыг цаашид харахгүй.
settings-check-in-shared-not-stopped = Хуваалцахаа зогсоож чадсангүй: { $reason }
settings-check-in-shared-unreadable = Хуваалцсан хариултуудыг харуулж чадахгүй байна: { $reason }
history-export-check-ins = «Өнөөдөр ямар байна вэ?» хариултуудаа ч файлд оруулах

## Wellbeing in the teachers' app

teach-wellbeing-title = Сурагчид тань ямар байна вэ?
teach-wellbeing-intro = Хариултаа Тантай хуваалцахаар сонгосон сурагчид л энд харагдана.
teach-wellbeing-none = Энэ ангийн нэг ч сурагч хариултаа Тантай хуваалцаагүй байна.
teach-wellbeing-trend-better = Сүүлийн үед дээрдэж байна
teach-wellbeing-trend-steady = Сүүлийн үед өөрчлөлтгүй
teach-wellbeing-trend-lower = Сүүлийн үед сэтгэл санаа нь өмнөхөөсөө муудсан
teach-wellbeing-recent = Сүүлийн хариултууд
teach-wellbeing-mood = 5-аас { $mood }
teach-wellbeing-request = Ярилцмаар байна ({ $time })
teach-wellbeing-mark-seen = Харсан гэж тэмдэглэх
teach-wellbeing-request-seen = Ярилцмаар байсан ({ $asked }), харсан: { $seen }
teach-wellbeing-no-open-requests = Тантай ярилцахыг хүлээж буй сурагч алга.
teach-wellbeing-open-requests = { $count ->
       *[other] Ярилцах { $count } хүсэлт Таныг хүлээж байна.
    }
