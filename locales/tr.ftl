# baeum's interface in Turkish.
# Register: sentences address the user with the polite "siz"; buttons and links use the short
# imperative ("Giriş yap"). Terms: ders (lesson), kurs (course), ünite (unit), tekrar (review),
# indirme (download), eşitleme (sync), sınıf (class), ödev (assignment), çevrimdışı (offline).

## Navigation: the main menu in the header

nav-main = Ana menü
nav-courses = Kurslar
nav-me = Ben
nav-device = Cihaz

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = İçeriğe geç
shell-brand-home = ana sayfa
shell-online = Çevrimiçi
shell-offline = Çevrimdışı
shell-update-ready = baeum'un yeni bir sürümü hazır.
shell-update-now = Şimdi güncelle
shell-synced = Eşitlendi
shell-saved-on-device = Bu cihaza kaydedildi
shell-waiting-to-sync = Eşitlenmeyi bekleyen: { $count }
shell-waiting-on-device = Bu cihazda kayıtlı: { $count }

## Home: today's standing and the list of courses

home-courses-title = Kurslar
home-loading-courses = Kurslar yükleniyor…
home-course-meta = { $units } ünite · { $lessons } ders · indirme boyutu { $size }
home-load-failed = Bu gösterilemedi: { $reason }.
home-load-advice-offline = Yüklemek için bir kez internete bağlanın; sonrasında çevrimdışı da çalışır.
home-load-advice-later = Daha sonra yeniden deneyin. İlerlemeniz güvende.
home-today = Bugün
home-continue-lesson = Devam et: { $lesson }
home-next-lesson = Sıradaki: { $lesson }
home-streak-first-lesson = İlk dersinize bugün başlayın.
home-streak-start-new = Yeni bir seri başlatmak için bugün bir ders yapın.
home-streak-days = { $days ->
        [one] Üst üste { $days } gün
       *[other] Üst üste { $days } gün
    }
home-no-reviews-due = Bekleyen tekrar yok
home-reviews-due = { $count ->
        [one] { $count } tekrar bekliyor
       *[other] { $count } tekrar bekliyor
    }
home-lessons-done = Tamamlanan dersler
home-lessons-progress = { $done } / { $total } ders

## Progress: reading the learner's progress from the device

progress-storage-failed = ilerlemeniz bu cihazdan okunamadı: { $reason }
progress-fold-unavailable = İlerlemeniz hesaplanamadı: uygulamanın gereken bir bölümü indirilemedi. İnternete bağlanıp bu sayfayı yeniden açın. Yaptıklarınızın hiçbiri kaybolmadı.

## Not found: an address that is no page of the app

notfound-title = Bu sayfa mevcut değil
notfound-back = Kurslara geri dön
page-chunk-loading = Sayfa açılıyor…
page-chunk-failed = Bu sayfa indirilemedi. Bağlantıyı kontrol edip yeniden deneyin.
assignments-chunk-failed = Ödevleriniz indirilemedi. Bağlantıyı kontrol edip yeniden deneyin.
page-chunk-retry = Yeniden dene
page-chunk-reload-hint = Çevrimiçiyken bu tekrarlanıyorsa uygulama başka bir sekmede güncellenmiş olabilir: uygulamayı yeniden yükleyin.
page-chunk-reload = Uygulamayı yeniden yükle

## Account page ("Me")

account-title = Ben
account-intro = Hesap olmadan da öğrenebilirsiniz: ilerlemeniz bu cihazda saklanır. İlerlemenizi okulun sunucusunda da saklamak ve diğer cihazlarınızda görmek için giriş yapın.
account-history-link = Öğrenme geçmişim: görüntüle, dosya olarak kaydet, içe aktar
account-sync-heading = Eşitleme
account-rejected-summary = Sunucunun reddettiği yanıtlar: { $count } (bu cihazda saklanıyor)
account-rejected-entry = { $activity }: { $reason }
account-rejected-unknown-activity = bilinmeyen etkinlik
account-rejected-invalid = geçersiz: { $message }
account-rejected-conflict = çakışma: { $message }
account-rejected-too-large = sunucu için çok büyük

## Account panel: signing in, creating an account, signing out

account-panel = Hesap
account-username = Kullanıcı adı
account-password = Şifre
account-sign-in = Giriş yap
account-create = Hesap oluştur
account-signed-in-as = { $username } olarak giriş yapıldı
account-sign-out = Çıkış yap
account-wrong-credentials = kullanıcı adı veya şifre yanlış
account-username-taken = bu kullanıcı adı zaten alınmış
account-unreachable = sunucuya ulaşılamadı; çevrimiçi olduğunuzda yeniden deneyin
account-server-error = sunucuda bir hata oluştu (http { $status }); daha sonra yeniden deneyin
account-server-refused = sunucu isteği reddetti (http { $status })
account-unreadable-answer = sunucu, bu uygulamanın okuyamadığı bir yanıt gönderdi: { $detail }
account-storage-failed = giriş bilgisi bu cihaza kaydedilemedi: { $reason }

## Sync details on the "Me" page

sync-panel = Eşitleme
sync-activity-syncing = Eşitleniyor…
sync-activity-up-to-date = Güncel
sync-activity-waiting-to-retry = Birazdan yeniden denenecek
sync-activity-offline = Çevrimdışı: ilerleme bu cihaza kaydediliyor
sync-activity-sign-in-again = Eşitlemek için yeniden giriş yapın
sync-activity-not-signed-in = Giriş yapılmadı: ilerleme bu cihazda kalıyor
sync-waiting-label = Eşitlenmeyi bekleyen
sync-last-label = Son eşitleme
sync-last-never = Hiç yapılmadı
sync-problem-label = Sorun
sync-problem-none = Yok
sync-rejected-label = Sunucunun reddettikleri
sync-now = Şimdi eşitle
sync-problem-signed-out = oturum kapalı
sync-problem-server-unreachable = sunucuya ulaşılamıyor
sync-problem-server-error = sunucu hatası (http { $status })
sync-problem-unreadable-answer = sunucu okunamayan bir yanıt gönderdi: { $detail }
sync-problem-rejected = reddedildi: { $detail }
sync-problem-local-storage-failed = yerel depolama başarısız oldu: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = sunucuya ulaşılamadı ve bu içerik henüz indirilmemiş
load-status = sunucu, { $name } için { $status } yanıtını verdi
load-unknown-course = `{ $course }` adlı bir kurs yok
load-unknown-lesson = `{ $course }` kursunda `{ $lesson }` adlı bir ders yok
load-file-truncated = { $kind ->
        [catalog] katalog
        [manifest] kurs manifest
       *[lesson] ders
    } dosyası yarıda kesilmiş ({ $detail })
load-file-malformed = { $kind ->
        [catalog] katalog
        [manifest] kurs manifest
       *[lesson] ders
    } dosyası { $line }. satır, { $column }. sütunda bozuk: { $detail }
load-file-inconsistent = { $kind ->
        [catalog] katalog
        [manifest] kurs manifest
       *[lesson] ders
    } dosyası tutarsız: { $detail }
load-file-unsupported-format = { $kind ->
        [catalog] katalog
        [manifest] kurs manifest
       *[lesson] ders
    } dosyasının paket biçimi { $found }, ancak baeum'un bu sürümü { $expected } biçimini okuyor
load-not-hashed-name = `{ $name }`, içerik özetiyle adlandırılmış bir dosya adı değil (64 küçük harfli onaltılık rakam, bir nokta ve bir uzantı)
load-hash-mismatch = `{ $name }` dosyasının baytları adıyla eşleşmiyor: sha256 değerleri { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = bu tarayıcı burada indexeddb sunmuyor (gizli pencere ya da eski bir tarayıcı)
storage-quota-exceeded = cihazda bu uygulama için depolama alanı kalmadı
storage-version-too-new = kayıtlı veriler uygulamanın daha yeni bir sürümünden geliyor; güncellemek için sayfayı yeniden yükleyin
storage-migration-failed = kayıtlı veriler yükseltilemedi: { $detail }
storage-duplicate-statement = { $id } kimlikli bir ifade zaten kayıtlı
storage-invalid-statement = ifade kaydedilemiyor: { $detail }
storage-serialization = bir değer depolamaya hazırlanamadı: { $detail }
storage-unreadable-record = { $store } içindeki { $key } kaydı okunamıyor: { $detail }
storage-aborted = yazma işlemi yarıda kesildi ve hiçbir kısmı kaydedilmedi
storage-database-failed = yerel veritabanı başarısız oldu ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← Kurs
lesson-loading = Ders yükleniyor…
lesson-saving = Yanıtlarınız bu cihaza kaydediliyor…
lesson-saved = Bu cihaza kaydedildi.
lesson-save-failed = Bazı yanıtlar bu cihaza kaydedilemedi: { $reason }. Bu cihazdaki boş alanı kontrol edip dersi yeniden deneyin.

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = Ders ilerlemesi
lesson-position = { $current } / { $total }
lesson-culture-note = Kültür notu
lesson-hear-letter-name = Harfin adını dinle: { $text }
lesson-hear-it = Sesini dinle: { $text }
lesson-hear-word = Kelimeyi dinle: { $text }
lesson-hear-example = Örneği dinle: { $text }
lesson-listen = Dinle: { $text }
lesson-show-hint = İpucu göster
lesson-continue-anyway = Yine de devam et
lesson-continue = Devam et
lesson-typed-answer-label = Korece yanıtınız
lesson-check = Kontrol et
lesson-your-sentence = Cümleniz
lesson-correct = Doğru!
lesson-correct-written-exactly = Doğru. Tam yazılışı: { $expected }
lesson-not-quite = Tam olmadı.
lesson-answer-is = Doğru yanıt: { $answer }
lesson-try-again = Yeniden deneyin ya da devam edin.
lesson-diff-missing = { $expected } eksik
lesson-diff-extra = { $given } gereksiz
lesson-diff-wrong = { $given } yerine { $expected } olmalı
lesson-diff-jamo-wrong = { $given } → { $expected }: { $part ->
        [initial] ilk ünsüz
        [medial] ünlü
       *[final] son ünsüz
    } { $given_jamo } değil, { $expected_jamo } olmalı
lesson-diff-jamo-missing = { $given } → { $expected }: { $part ->
        [initial] ilk ünsüz
        [medial] ünlü
       *[final] son ünsüz
    } { $expected_jamo } eksik
lesson-diff-jamo-extra = { $given } → { $expected }: { $part ->
        [initial] ilk ünsüz
        [medial] ünlü
       *[final] son ünsüz
    } { $given_jamo } gereksiz
lesson-diff-tone = { $given } → { $expected }: ton işareti { $given_tone } değil, { $expected_tone }
lesson-diff-mark = { $given } → { $expected }: harf { $given_letter } değil, { $expected_letter }
lesson-complete = Ders tamamlandı
lesson-score = { $total } alıştırmanın { $correct } tanesi ilk denemede doğru (%{ $percent })
lesson-next-lesson = Sonraki ders
lesson-back-to-course = Kursa dön

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = Korece klavye
keyboard-keys-label = Korece klavye tuşları
keyboard-shift-label = Shift: gergin ünsüzler ㄲ ㄸ ㅃ ㅆ ㅉ ve ㅒ ㅖ
keyboard-backspace-label = Geri silme: bir harf sil
keyboard-space-label = Boşluk
keyboard-space-key = boşluk
keyboard-done-label = Bitti: Korece klavyeyi gizle
keyboard-done = Bitti
keyboard-latin-to-hangul = Latin tuşlarla Korece yaz

## Recording answers

recording-no-sync-layer = eşitleme katmanı çalışmıyor

## Reviews page: flash cards of what is due today

review-title = Tekrarlar
review-loading = Bugünün tekrarları bulunuyor…
review-nothing-due = Şu an tekrar edilecek bir şey yok. Yarın yine gelin ya da yeni bir ders yapın.
review-no-sync-layer = eşitleme katmanı çalışmıyor
review-position = { $current } / { $total }
review-done = Şimdilik bu kadar
review-reviewed-count = { $count } kartı tekrar ettiniz.
review-home = Ana sayfa
review-new-card = Yeni
review-show-answer = Yanıtı göster
review-knew-it = Biliyordum
review-not-yet = Henüz değil

## Course page: a course's units and lessons

course-all-courses = ← Tüm kurslar
course-loading = Kurs yükleniyor…
course-lesson-steps = · { $count } adım

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page

download-error-connection = bağlantı koptu. İndirilen kısım saklanıyor; çevrimiçi olduğunuzda indirmeye devam edin
download-error-damaged = { $name } defalarca bozuk geldi ({ $attempts } deneme); daha sonra yeniden deneyin
download-error-status = sunucu, { $name } için { $status } yanıtını verdi
download-error-device-full = bu cihaz dolu. Hiçbir şey kaybolmadı; bitirdiğiniz bir kursun indirmelerini silin (Cihaz sayfasında listelenir) ya da cihazda yer açın, sonra indirmeye devam edin
download-error-storage = indirilenler saklanamadı: { $reason }
download-error-delete = indirilenler silinemedi: { $reason }
download-progress-label = İndirme ilerlemesi
download-save-data-note = Tarayıcınız veri tasarrufu istiyor: yalnızca metni indirmek daha küçük seçenektir.
download-start-all = Çevrimdışı kullanım için indir ({ $size })
download-start-rest = Kalanını indir ({ $size })
download-start-text-only = Yalnızca metin ({ $size }); sesler çevrimiçiyken çalar
download-start-audio-too = Sesleri de indir ({ $size })
download-resume = İndirmeye devam et
download-pause = Duraklat
download-delete = İndirilenleri sil (ilerlemeniz korunur)
download-unit-on-device = { $size } · bu cihazda
download-unit-to-download = { $size } indirilecek
download-unit-start = Bu üniteyi indir
download-assigned-paused = indirme duraklatıldı
download-assigned-unavailable = bu tarayıcı indirilenleri saklayamıyor (gizli pencere mi?)
download-list-title = İndirilen kurslar
download-list-loading = İndirilenler okunuyor…
download-list-error = İndirilenler okunamıyor: { $reason }.
download-list-empty = İndirilmiş kurs yok. Bir kursu çevrimdışı kullanmak için kursun sayfasından indirebilirsiniz.
download-list-entry = { $title }: { $size }
download-list-delete = İndirilenleri sil
download-list-note = İndirilenleri silmek ilerlemenizi silmez; kurs yine çevrimiçi açılır.
download-status-checking = Bu cihazda neler olduğu kontrol ediliyor…
download-status-not-downloaded = İndirilmedi. Sesleriyle birlikte kursun tamamı { $total }.
download-status-partly = Kısmen indirildi: { $stored } / { $total }. Kalanını almak için indirmeye devam edin.
download-status-text-only = Metin indirildi: bu cihazda { $text }. Sesler ({ $audio }) yalnızca çevrimiçiyken çalar.
download-status-downloading = İndiriliyor: { $done } / { $total }
download-status-few-seconds-left = İndiriliyor: { $done } / { $total }, birkaç saniye kaldı
download-status-seconds-left = İndiriliyor: { $done } / { $total }, yaklaşık { $seconds } sn kaldı
download-status-minutes-left = İndiriliyor: { $done } / { $total }, yaklaşık { $minutes } dk kaldı
download-status-hours-left = İndiriliyor: { $done } / { $total }, yaklaşık { $hours } sa kaldı
download-status-paused = Duraklatıldı: { $done } / { $total } indirildi.
download-status-stopped = İndirme durdu: { $reason }.
download-status-complete = İndirildi: bu cihazda { $total }. Çevrimdışı çalışır.
download-status-unavailable = Bu tarayıcı indirilenleri saklayamıyor (gizli pencere mi?). Dersler çevrimiçiyken yine açılır.

## "This device" page: languages, storage, connection

settings-title = Bu cihaz
settings-interface-language-title = Dil
settings-interface-language-label = baeum'un dili
settings-help-language-title = Yardım dili
settings-help-language-label = Anlamların ve yardımın dili
settings-storage-title = Depolama
settings-storage-measuring = Depolama ölçülüyor…
settings-storage-unreported = Bu tarayıcı depolama bilgisini bildirmiyor.
settings-storage-use = { $used } kullanılıyor; baeum için kullanılabilir alan: { $quota }.
settings-storage-meter-label = Kullanılan depolama
settings-persistence-checking = İndirilenlerin korunup korunmadığı kontrol ediliyor…
settings-persistence-protected = İndirilenleriniz ve ilerlemeniz korunuyor: tarayıcı yer açmak için bunları silmez.
settings-persistence-not-protected = Cihazda yer azaldığında tarayıcı indirilenleri silebilir. Yanıtlarınız okula ulaşana kadar saklanır.
settings-protect-downloads = İndirilenlerimi koru
settings-connection-title = Bağlantı
settings-connection-offline = Çevrimdışı. İndirdiğiniz her şey yine çalışır; yanıtlar bu cihazda saklanır.
settings-connection-online = Çevrimiçi.
settings-about-title = Hakkında

## My learning history page

history-no-storage = Geçmiş için bu cihazın depolama alanı gerekiyor, ancak depolama kullanılamıyor.
history-title = Öğrenme geçmişim
history-intro = Bu sizin kaydınız. Herhangi bir öğrenme kayıt deposunun okuyabileceği standart xAPI ifadeleri olarak saklanır.
history-export = Geçmişimi dosya olarak kaydet
history-import = Geçmiş dosyası içe aktar
history-loading = Geçmişiniz okunuyor…
history-empty = Henüz bir şey yok: dersleriniz burada görünecek.
history-day-summary = : { $lessons } ders tamamlandı, { $answers } yanıt ({ $right } doğru), { $items } öğe okundu
history-import-unreadable = dosya okunamadı
history-import-not-json = bu bir geçmiş dosyası değil (JSON değil: { $error })
history-import-not-a-list = bu bir geçmiş dosyası değil: bir ifade listesi olmalı
history-import-result = { $added } kayıt içe aktarıldı; { $already_here } kayıt zaten buradaydı; { $not_yours } kayıt başka bir öğrenciye ait; { $unreadable } kayıt okunamadı.

## My classes page and the learner's assignments

classes-title = Sınıflarım
classes-loading = Yükleniyor…
classes-signed-out = Sınıfınıza katılmak için giriş yapın. Öğretmeninizin vereceği kod yeterli; e-posta gerekmez.
classes-join-title = Bir sınıfa katıl
classes-join-code-label = Öğretmeninizden aldığınız sınıf kodu
classes-join-button = Sınıfa katıl
classes-join-code-missing = Öğretmeninizin verdiği kodu yazın.
classes-joined = { $class } sınıfına katıldınız (öğretmen: { $teacher }).
classes-join-unknown-code = Bu koda sahip bir sınıf yok. Kodu öğretmeninizle kontrol edip yeniden yazın.
classes-join-not-a-code = Bu bir sınıf kodu değil: { $reason }.
classes-join-rate-limited = Çok fazla yanlış kod girildi. { $wait } bekleyip yeniden deneyin.
classes-wait-seconds = { $seconds ->
    [one] { $seconds } saniye
   *[other] { $seconds } saniye
}
classes-wait-minutes = { $minutes ->
    [one] { $minutes } dakika
   *[other] { $minutes } dakika
}
classes-join-offline = Çevrimdışısınız. Sınıfa katılmak için bağlantı gerekir; çevrimiçi olduğunuzda yeniden deneyin.
classes-join-signed-out = Önce giriş yapın, sonra sınıf kodunu yazın.
classes-join-forbidden = Bu hesap sınıfa katılamaz: { $reason }.
classes-join-failed = Sınıfa katılınamadı: { $reason }.
classes-mine-title = Katıldığım sınıflar
classes-none = Henüz bir sınıfa katılmadınız.
classes-class-teacher = · öğretmen { $teacher }
classes-list-as-of = { $time } itibarıyla sınıf listesi
classes-for-teacher-before = Sınıflarınız ve katılım kodları
classes-for-teacher-link = Öğretmen
classes-for-teacher-after = sayfasında.
classes-my-assignments-title = Ödevlerim
classes-assignments-as-of = { $time } itibarıyla
classes-assignments-loading = Ödevleriniz yükleniyor…
classes-no-assignments = Henüz ödev yok. Öğretmeninizin verdiği dersler burada görünür.
classes-download-assigned = Ödevlerimi çevrimdışı kullanım için indir
classes-download-assigned-finding = Ödevleriniz için gerekenler bulunuyor…
classes-download-assigned-progress = İndiriliyor: { $current } / { $total }…
classes-download-assigned-done = Ödev olarak verilen dersleriniz bu cihazda: çevrimdışı da açılır.
classes-download-assigned-stopped = İndirme durdu: { $reason }.
classes-assignment-assigned-by = Veren:
classes-assignment-class = · sınıf { $class }
classes-assignment-due = Son teslim:
classes-assignment-overdue = · Süresi geçti
classes-assignment-progress = { $status } ({ $done } / { $total } ders tamamlandı)

## Teacher pages

teach-nav-teach = Öğretmen
teach-nav-classes = Sınıflar

## Teacher pages: errors from the school server

teach-error-signed-out = bu cihazda giriş yapmadınız; devam etmek için giriş yapın
teach-error-offline = sunucuya ulaşılamadı; çevrimiçi olduğunuzda yeniden deneyin
teach-error-forbidden = hesabınızın buna izni yok: { $reason }
teach-error-rate-limited = çok fazla deneme; yeniden denemeden önce { $seconds ->
        [one] { $seconds } saniye
       *[other] { $seconds } saniye
    } bekleyin
teach-error-unprepared = ödev hazırlanamadı: { $error }
teach-error-unreadable-answer = sunucu, bu uygulamanın okuyamadığı bir yanıt gönderdi: { $error }
teach-error-refused = sunucu isteği reddetti (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Başlanmadı
teach-status-in-progress = Devam ediyor
teach-status-done = Tamamlandı

## Teacher pages: dates and times

teach-due-missing = bir teslim tarihi ve saati seçin
teach-due-unreadable = { $input }, 2026-12-01T17:00 gibi bir tarih ve saat değil
teach-time-never = hiç
teach-as-of = { $time } itibarıyla
teach-due = son teslim: { $time }
teach-last-active = son etkinlik: { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = ünite { $id }
teach-lesson-by-id = ders { $id }
teach-target-whole-unit = { $course } › { $unit } (ünitenin tamamı)
teach-target-whole-course = { $course } (kursun tamamı)

## Teacher pages: who may see them

teach-loading = Yükleniyor…
teach-signed-out = Sınıf oluşturmak ve ders atamak için bir öğretmen hesabıyla giriş yapın.
teach-not-teacher = Bu sayfalar öğretmenler içindir. Sınıflarınız ve ödevleriniz şurada: { $link }.
teach-not-teacher-link = Sınıflarım

## Teacher pages: the teacher's classes

teach-classes-title = Sınıflarım
teach-new-class-name = Yeni sınıf adı
teach-create-class = Sınıf oluştur
teach-create-class-name-missing = Sınıfa bir ad verin.
teach-create-class-failed = Sınıf oluşturulamadı: { $error }
teach-no-classes = Henüz sınıf yok. Yukarıdan bir tane oluşturun.
teach-class-learner-count = { $count ->
    [one] { $count } öğrenci
   *[other] { $count } öğrenci
}
teach-join-code = Katılım kodu

## Teacher pages: one class

teach-back-to-classes = ← Sınıflarım
teach-class-address-invalid = Bu adres bir sınıfa ait değil.
teach-class-title-fallback = Sınıf
teach-class-settings = Sınıf ayarları
teach-class-name = Sınıf adı
teach-rename = Yeniden adlandır
teach-class-renamed = Sınıfın adı değiştirildi.
teach-rename-failed = Ad değiştirilemedi: { $error }
teach-rotate-join-code = Yeni katılım kodu oluştur
teach-rotate-join-code-hint = Sınıftaki öğrenciler sınıfta kalır; eski kod artık çalışmaz.
teach-join-code-rotated = Sınıfın yeni bir katılım kodu var; eskisi artık çalışmıyor.
teach-rotate-failed = Yeni kod oluşturulamadı: { $error }

## Teacher pages: the learners in a class

teach-members-title = Öğrenciler
teach-no-members = Henüz öğrenci yok. Öğrenciler yukarıdaki kodla katılır.
teach-remove = Çıkar
teach-remove-member-label = Çıkar: { $name }
teach-confirm-removal = Çıkarmayı onayla
teach-remove-question = { $name } bu sınıftan çıkarılsın mı? Sınıfın ödevlerine erişimini kaybeder.
teach-remove-yes = Evet, çıkar
teach-remove-keep = Kalsın
teach-remove-failed = { $name } çıkarılamadı: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Ders ata
teach-assign-course = Kurs
teach-assign-choose-course = Bir kurs seçin
teach-assign-catalog-failed = Kurs listesi yüklenemedi: { $error }.
teach-assign-unit = Ünite (isteğe bağlı)
teach-assign-whole-course = Kursun tamamı
teach-assign-lesson = Ders (isteğe bağlı)
teach-assign-whole-unit = Ünitenin tamamı
teach-assign-due = Son teslim (yerel saatinizle)
teach-assign-note = Öğrencilere not (isteğe bağlı)
teach-assign-for = Kime
teach-assign-whole-class = Tüm sınıf
teach-assign-chosen-learners = Seçilen öğrenciler
teach-assign = Ata
teach-assign-course-missing = Atanacak bir kurs seçin.
teach-assign-due-unusable = Son teslim tarihi kullanılamıyor: { $problem }.
teach-assign-learners-missing = En az bir öğrenci seçin ya da tüm sınıfa atayın.
teach-assigned = Atandı.
teach-assigned-offline = Bu cihaza kaydedildi; yeniden çevrimiçi olduğunuzda gönderilecek.
teach-assign-save-failed = Ödev bu cihaza kaydedilemedi: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Ödevler
teach-queue-waiting = Gönderilmeyi bekliyor
teach-queue-refused = Sunucu kabul etmedi: { $reason }
teach-queue-dismiss = Kapat
teach-audience-whole-class = tüm sınıf
teach-audience-learners = { $count ->
    [one] { $count } öğrenci
   *[other] { $count } öğrenci
}
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = İlerleme
teach-dashboard-loading = Pano yükleniyor…
teach-dashboard-offline = Bu, bu cihazda kayıtlı kopya; yenilenemedi.
teach-dashboard-learners = Öğrenciler
teach-most-missed-title = En çok yanlış yapılan öğeler
teach-no-missed-items = Henüz yanlış yapılan öğe yok.
teach-missed-by-class = { $attempts } denemede { $wrong } kez yanlış ({ $learners } öğrenci)
teach-column-learner = Öğrenci
teach-column-lesson = Ders
teach-column-status = Durum
teach-column-lessons = Dersler
teach-column-score = Puan
teach-column-last-active = Son etkinlik
teach-overdue = Süresi geçti
teach-lessons-done-of = { $done } / { $total }
teach-score-percent = %{ $percent }
teach-csv-download = CSV indir
teach-csv-refused-by-browser = Tarayıcı indirmeyi kabul etmedi.
teach-csv-failed = CSV oluşturulamadı: { $error }

## Teacher pages: one learner

teach-back-to-class = ← Sınıfa dön
teach-learner-title-fallback = Öğrenci
teach-drill-down-as-of = { $time } itibarıyla · son etkinlik: { $last_active }
teach-drill-down-due = Son teslim: { $time }
teach-items-missed-title = Yanlış yapılan öğeler
teach-nothing-missed = Henüz yanlış yapılan bir şey yok.
teach-missed-by-learner = { $attempts } denemede { $wrong } kez yanlış

## Wellbeing: the check-in on home and where to get help

nav-help = Yardım
check-in-title = Bugün nasılsınız?
check-in-face-1 = Çok üzgün
check-in-face-2 = Biraz üzgün
check-in-face-3 = İdare eder
check-in-face-4 = İyi
check-in-face-5 = Çok mutlu
check-in-words = İsterseniz birkaç kelime yazın (herhangi bir dilde)
check-in-talk = Biriyle konuşmak istiyorum
check-in-share = Bunu kim görebilir?
check-in-share-nobody = Yalnızca ben
check-in-share-teacher = { $teacher }, { $class } sınıfının öğretmeni
check-in-privacy = Bir öğretmen seçmezseniz cevabınızı yalnızca siz görürsünüz. Hiçbir notu etkilemez.
check-in-save = Kaydet
check-in-skip = Bugün değil
check-in-thanks = Cevapladığınız için teşekkürler.
check-in-talk-private = Bunu yalnızca siz görebilirsiniz, bu yüzden hiçbir öğretmen konuşmak istediğinizi bilmiyor. Bir dahaki sefere bir öğretmen seçebilirsiniz. Güvendiğiniz bir yetişkine de anlatabilir ya da Yardım sayfasındaki yardım hatlarını arayabilirsiniz.
check-in-talk-shared = Öğretmeniniz baeum'u bir sonraki açışında bunu görecek. Hemen yardıma ihtiyacınız varsa, Yardım sayfasında arayabileceğiniz kişiler var.
check-in-skipped = Sorun değil. Yarın görüşürüz.
check-in-low = Böyle hissetmek normal. Yalnız değilsiniz: size yardım etmek isteyen insanlar var.
check-in-not-saved = Cevabınız kaydedilemedi: { $reason }
help-title = Nereden yardım alabilirsiniz
help-intro = Zor bir şey yaşıyorsanız yardım istemek cesur bir davranıştır. Durumun ciddi olduğundan emin olmanız gerekmez, iyi Korece bilmeniz de gerekmez.
help-trusted-adult = Bir öğretmenle, anne babanızla ya da güvendiğiniz başka bir yetişkinle her zaman konuşabilirsiniz. Bu yerler de sizi dinlemeye hazır:
help-country = Şu anda neredesiniz?
help-call = Ara: { $number }
help-loading = Yardım hatları aranıyor…
help-lines-unavailable = İnternet bağlantısı olmadan yardım hatlarının listesi gösterilemiyor. Bir öğretmenle ya da güvendiğiniz başka bir yetişkinle konuşun veya internete bağlanınca bu sayfayı yeniden açın.
settings-check-in-title = Bugün nasılsınız?
settings-check-in-enabled = Ana sayfada "Bugün nasılsınız?" diye sor (günde en fazla bir kez)
settings-check-in-shared-title = Cevaplarımı kim görüyor
settings-check-in-shared-none = Henüz hiçbir öğretmenle cevap paylaşmadınız.
settings-check-in-shared-intro = Bu öğretmenler, paylaşmayı seçtiğiniz cevapları görebilir. Onları istediğiniz zaman geri alabilirsiniz.
settings-check-in-shared-count = { $count } cevap
settings-check-in-shared-left-class = Artık içinde olmadığınız bir sınıf
settings-check-in-shared-stop = Paylaşmayı durdur
settings-check-in-shared-stopped = Tamam. O öğretmen artık bu cevapları göremez.
settings-check-in-shared-not-stopped = Paylaşım durdurulamadı: { $reason }
settings-check-in-shared-unreadable = Paylaştığınız cevaplar listelenemiyor: { $reason }
history-export-check-ins = "Bugün nasılsınız?" cevaplarımı da dosyaya ekle

## Wellbeing in the teachers' app

teach-wellbeing-title = Öğrencileriniz nasıl?
teach-wellbeing-intro = Burada yalnızca cevaplarını sizinle paylaşmayı seçen öğrenciler görünür.
teach-wellbeing-none = Bu sınıfta henüz hiçbir öğrenci cevabını sizinle paylaşmadı.
teach-wellbeing-trend-better = Son zamanlarda daha iyi
teach-wellbeing-trend-steady = Son zamanlarda aynı
teach-wellbeing-trend-lower = Son zamanlarda daha kötü
teach-wellbeing-recent = Son cevaplar
teach-wellbeing-mood = 5 üzerinden { $mood }
teach-wellbeing-request = Konuşmak istiyor ({ $time })
teach-wellbeing-mark-seen = Görüldü olarak işaretle
teach-wellbeing-request-seen = Konuşmak istedi ({ $asked }), görüldü: { $seen }
teach-wellbeing-no-open-requests = Sizinle konuşmayı bekleyen öğrenci yok.
teach-wellbeing-open-requests = { $count ->
       *[other] Sizi bekleyen { $count } konuşma isteği var.
    }
