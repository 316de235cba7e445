# baeum's interface in Vietnamese.
# Message ids are the same as in English (locales/en.ftl); only the values are translated.
# Terms used throughout: khóa học (course), chương (unit), bài học (lesson), ôn tập (review),
# tải xuống (download), đồng bộ (sync), lớp (class), bài tập (assignment), ngoại tuyến (offline),
# học sinh (learner), giáo viên (teacher), thiết bị (device), máy chủ (server).

## Navigation: the main menu in the header

nav-main = Menu chính
nav-courses = Khóa học
nav-me = Tôi
nav-device = Thiết bị

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = Chuyển đến nội dung
shell-brand-home = trang chủ
shell-online = Trực tuyến
shell-offline = Ngoại tuyến
shell-update-ready = Đã có phiên bản mới của baeum.
shell-update-now = Cập nhật ngay
shell-synced = Đã đồng bộ
shell-saved-on-device = Đã lưu trên thiết bị này
shell-waiting-to-sync = { $count } câu trả lời đang chờ đồng bộ
shell-waiting-on-device = { $count } đã lưu trên thiết bị này

## Home: today's standing and the list of courses

home-courses-title = Khóa học
home-loading-courses = Đang tải khóa học…
home-catalog-link = Tìm trong tất cả khóa học
home-course-meta = { $units } chương · { $lessons } bài học · tải xuống { $size }
home-load-failed = Không thể hiển thị nội dung này: { $reason }.
home-load-advice-offline = Hãy kết nối internet một lần để tải; sau đó có thể dùng ngoại tuyến.
home-load-advice-later = Hãy thử lại sau. Tiến độ của bạn vẫn an toàn.
home-today = Hôm nay
home-continue-lesson = Học tiếp: { $lesson }
home-next-lesson = Bài tiếp theo: { $lesson }
home-streak-first-lesson = Hãy bắt đầu bài học đầu tiên của bạn hôm nay.
home-streak-start-new = Học một bài hôm nay để bắt đầu chuỗi ngày học mới.
home-streak-days = { $days } ngày học liên tiếp
home-no-reviews-due = Chưa có gì cần ôn tập
home-reviews-due = { $count } thẻ cần ôn tập
home-lessons-done = Bài học đã hoàn thành
home-lessons-progress = { $done } / { $total } bài học

## Progress: reading the learner's progress from the device

progress-storage-failed = không thể đọc tiến độ của bạn từ thiết bị này: { $reason }
progress-fold-unavailable = Không tính được tiến độ của bạn: không tải được một phần cần thiết của ứng dụng. Hãy kết nối internet rồi mở lại trang này. Những gì bạn đã làm không bị mất.

## Not found: an address that is no page of the app

notfound-title = Trang này không tồn tại
notfound-back = Quay lại các khóa học của bạn
page-chunk-loading = Đang mở trang…
page-chunk-failed = Không tải được trang này. Hãy kiểm tra kết nối rồi thử lại.
assignments-chunk-failed = Không tải được bài tập của bạn. Hãy kiểm tra kết nối rồi thử lại.
page-chunk-retry = Thử lại
page-chunk-reload-hint = Nếu bạn đang trực tuyến mà vẫn gặp lỗi này, có thể ứng dụng đã được cập nhật ở một thẻ khác: hãy tải lại ứng dụng.
page-chunk-reload = Tải lại ứng dụng

## Account page ("Me")

account-title = Tôi
account-intro = Bạn có thể học mà không cần tài khoản: tiến độ được lưu trên thiết bị này. Hãy đăng nhập để lưu tiến độ cả trên máy chủ của trường và xem được trên các thiết bị khác của bạn.
account-history-link = Lịch sử học tập của tôi: xem, lưu thành tệp, nhập từ tệp
account-sync-heading = Đồng bộ
account-rejected-summary = { $count } câu trả lời bị máy chủ từ chối (vẫn được giữ trên thiết bị này)
account-rejected-entry = { $activity }: { $reason }
account-rejected-unknown-activity = hoạt động không xác định
account-rejected-send-again = Gửi lại
account-rejected-send-again-help = Khi nhà trường đã sửa điều khiến máy chủ từ chối các câu trả lời này, hãy gửi lại chúng. Câu trả lời mà máy chủ đã lưu ở dạng khác thì không thể gửi lại.
account-rejected-sent-again = Sẽ gửi lại { $count } câu trả lời
account-rejected-invalid = không hợp lệ: { $message }
account-rejected-conflict = xung đột: { $message }
account-rejected-too-large = quá lớn đối với máy chủ

## Account panel: signing in, creating an account, signing out

account-panel = Tài khoản
account-username = Tên đăng nhập
account-password = Mật khẩu
account-invitation = Mã mời giáo viên
account-invitation-needed = để tạo tài khoản giáo viên, cần mã mời do quản trị viên cấp cho bạn
account-sign-in = Đăng nhập
account-create = Tạo tài khoản
account-signed-in-as = Đã đăng nhập với tên { $username }
account-sign-out = Đăng xuất
account-wrong-credentials = sai tên đăng nhập hoặc mật khẩu
account-username-taken = tên đăng nhập này đã có người dùng
account-unreachable = không kết nối được với máy chủ; hãy thử lại khi trực tuyến
account-server-error = máy chủ gặp lỗi (http { $status }); hãy thử lại sau
account-server-refused = máy chủ đã từ chối (http { $status })
account-unreadable-answer = máy chủ gửi một phản hồi mà ứng dụng này không đọc được: { $detail }
account-storage-failed = không thể lưu thông tin đăng nhập trên thiết bị này: { $reason }

account-actions-heading = Tài khoản của bạn
account-change-password-heading = Đổi mật khẩu
account-current-password = Mật khẩu hiện tại
account-new-password = Mật khẩu mới
account-change-password = Đổi mật khẩu
account-password-changed = Đã đổi mật khẩu. Các thiết bị khác của bạn đã được đăng xuất.
account-sign-out-everywhere = Đăng xuất trên mọi thiết bị
account-signed-out-everywhere = Đã đăng xuất trên mọi thiết bị, kể cả thiết bị này.
account-delete-heading = Xóa tài khoản
account-delete-explained = Xóa tài khoản sẽ xóa vĩnh viễn tài khoản khỏi máy chủ của trường, cùng mọi câu trả lời bạn đã ghi và chỗ của bạn trong các lớp. Báo cáo của giáo viên sẽ không còn hiển thị bạn; báo cáo giáo viên đã lưu thành tệp là bản sao của trường và không thay đổi. Thiết bị này cũng quên tài khoản và các câu trả lời của nó.
account-delete-confirm-label = Tôi hiểu rằng việc này không thể hoàn tác
account-delete = Xóa tài khoản của tôi
account-deleted = Tài khoản của bạn đã bị xóa.
account-wrong-current-password = mật khẩu hiện tại không đúng

## Sync details on the "Me" page

sync-panel = Đồng bộ
sync-activity-syncing = Đang đồng bộ…
sync-activity-up-to-date = Đã đồng bộ đầy đủ
sync-activity-waiting-to-retry = Sẽ sớm thử lại
sync-activity-offline = Ngoại tuyến: tiến độ được lưu trên thiết bị này
sync-activity-sign-in-again = Hãy đăng nhập lại để đồng bộ
sync-activity-not-signed-in = Chưa đăng nhập: tiến độ chỉ được lưu trên thiết bị này
sync-waiting-label = Đang chờ đồng bộ
sync-last-label = Lần đồng bộ gần nhất
sync-last-never = Chưa bao giờ
sync-problem-label = Sự cố
sync-problem-none = Không có
sync-rejected-label = Bị máy chủ từ chối
sync-now = Đồng bộ ngay
sync-problem-signed-out = đã đăng xuất
sync-problem-server-unreachable = không kết nối được máy chủ
sync-problem-server-error = lỗi máy chủ (http { $status })
sync-problem-unreadable-answer = máy chủ gửi phản hồi không đọc được: { $detail }
sync-problem-rejected = bị từ chối: { $detail }
sync-problem-refused = máy chủ đã từ chối mà không nói rõ câu trả lời nào (http { $status }), nên mọi câu trả lời vẫn được giữ trên thiết bị này và sẽ được gửi lại sau: { $detail }
sync-problem-local-storage-failed = lỗi bộ nhớ cục bộ: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = không kết nối được máy chủ, và nội dung này chưa được tải xuống
load-status = máy chủ trả về { $status } cho { $name }
load-unknown-course = không có khóa học `{ $course }`
load-unknown-lesson = khóa học `{ $course }` không có bài học `{ $lesson }`
load-file-truncated = tệp { $kind ->
        [catalog] danh sách khóa học
        [manifest] mục lục khóa học
       *[lesson] bài học
    } bị thiếu dữ liệu ở cuối ({ $detail })
load-file-malformed = tệp { $kind ->
        [catalog] danh sách khóa học
        [manifest] mục lục khóa học
       *[lesson] bài học
    } bị sai định dạng ở dòng { $line }, cột { $column }: { $detail }
load-file-unreadable = tệp { $kind ->
        [catalog] danh sách khóa học
        [manifest] mục lục khóa học
       *[lesson] bài học
    } không đúng định dạng mà phiên bản này đọc được: { $detail }
load-file-inconsistent = tệp { $kind ->
        [catalog] danh sách khóa học
        [manifest] mục lục khóa học
       *[lesson] bài học
    } không nhất quán: { $detail }
load-file-unsupported-format = tệp { $kind ->
        [catalog] danh sách khóa học
        [manifest] mục lục khóa học
       *[lesson] bài học
    } có định dạng gói { $found }, nhưng phiên bản baeum này đọc định dạng { $expected }
load-not-hashed-name = `{ $name }` không phải là tên tệp theo mã băm nội dung (64 chữ số hex viết thường, một dấu chấm và phần mở rộng)
load-hash-mismatch = dữ liệu của `{ $name }` không khớp với tên tệp: sha256 của dữ liệu là { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = trình duyệt này không cung cấp indexeddb ở đây (cửa sổ ẩn danh hoặc trình duyệt cũ)
storage-quota-exceeded = thiết bị không còn dung lượng trống cho ứng dụng này
storage-version-too-new = dữ liệu đã lưu đến từ một phiên bản mới hơn của ứng dụng; hãy tải lại trang để cập nhật
storage-migration-failed = không thể nâng cấp dữ liệu đã lưu: { $detail }
storage-duplicate-statement = bản ghi có id { $id } đã được lưu trước đó
storage-invalid-statement = không thể lưu bản ghi: { $detail }
storage-serialization = không thể chuẩn bị một giá trị để lưu: { $detail }
storage-unreadable-record = không đọc được bản ghi { $key } trong { $store }: { $detail }
storage-aborted = việc ghi dữ liệu bị gián đoạn và không có phần nào được lưu
storage-database-failed = cơ sở dữ liệu cục bộ bị lỗi ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← Khóa học
lesson-loading = Đang tải bài học…
lesson-saving = Đang lưu câu trả lời của bạn trên thiết bị này…
lesson-saved = Đã lưu trên thiết bị này.
lesson-save-failed = Không thể lưu một số câu trả lời trên thiết bị này: { $reason }. Hãy kiểm tra dung lượng trống của thiết bị và làm lại bài học.

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = Tiến độ bài học
lesson-position = { $current } / { $total }
lesson-culture-note = Góc văn hóa
lesson-hear-letter-name = Nghe tên chữ cái: { $text }
lesson-hear-it = Nghe phát âm: { $text }
lesson-hear-word = Nghe từ: { $text }
lesson-hear-example = Nghe ví dụ: { $text }
lesson-listen = Nghe: { $text }
lesson-show-hint = Xem gợi ý
lesson-continue-anyway = Vẫn tiếp tục
lesson-continue = Tiếp tục
lesson-typed-answer-label = Câu trả lời của bạn bằng tiếng Hàn
lesson-check = Kiểm tra
lesson-your-sentence = Câu của bạn
lesson-correct = Đúng rồi!
lesson-correct-written-exactly = Đúng. Cách viết chính xác: { $expected }
lesson-not-quite = Chưa đúng lắm.
lesson-answer-is = Đáp án là { $answer }
lesson-try-again = Hãy thử lại, hoặc tiếp tục.
lesson-diff-missing = thiếu { $expected }
lesson-diff-extra = không cần { $given }
lesson-diff-wrong = { $given } phải là { $expected }
lesson-diff-jamo-wrong = trong { $given } → { $expected }: { $part ->
        [initial] phụ âm đầu
        [medial] nguyên âm
       *[final] phụ âm cuối
    } là { $expected_jamo }, không phải { $given_jamo }
lesson-diff-jamo-missing = trong { $given } → { $expected }: thiếu { $part ->
        [initial] phụ âm đầu
        [medial] nguyên âm
       *[final] phụ âm cuối
    } { $expected_jamo }
lesson-diff-jamo-extra = trong { $given } → { $expected }: không cần { $part ->
        [initial] phụ âm đầu
        [medial] nguyên âm
       *[final] phụ âm cuối
    } { $given_jamo }
lesson-diff-tone = trong { $given } → { $expected }: dấu thanh phải là { $expected_tone }, không phải { $given_tone }
lesson-diff-mark = trong { $given } → { $expected }: chữ cái phải là { $expected_letter }, không phải { $given_letter }
lesson-complete = Hoàn thành bài học
lesson-score = Đúng { $correct } / { $total } ngay lần đầu ({ $percent }%)
lesson-next-lesson = Bài học tiếp theo
lesson-back-to-course = Quay lại khóa học

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = Bàn phím tiếng Hàn
keyboard-keys-label = Các phím của bàn phím tiếng Hàn
keyboard-shift-label = Shift: phụ âm căng ㄲ ㄸ ㅃ ㅆ ㅉ và ㅒ ㅖ
keyboard-backspace-label = Backspace: xóa một chữ cái
keyboard-space-label = Phím cách
keyboard-space-key = dấu cách
keyboard-done-label = Xong: ẩn bàn phím tiếng Hàn
keyboard-done = Xong
keyboard-latin-to-hangul = Gõ tiếng Hàn bằng phím chữ Latinh

## Recording answers

recording-no-sync-layer = không có thành phần đồng bộ nào đang chạy

## Reviews page: flash cards of what is due today

review-title = Ôn tập
review-loading = Đang tìm các thẻ cần ôn tập hôm nay…
review-nothing-due = Hiện chưa có gì cần ôn tập. Hãy quay lại vào ngày mai, hoặc học một bài mới.
review-no-sync-layer = thành phần đồng bộ không chạy
review-position = { $current } / { $total }
review-done = Tạm xong rồi
review-reviewed-count = Bạn đã ôn tập { $count } thẻ.
review-home = Trang chủ
review-new-card = Mới
review-show-answer = Xem đáp án
review-knew-it = Tôi nhớ rồi
review-not-yet = Chưa nhớ

## Course page: a course's units and lessons (src/pages/course.rs)

course-all-courses = ← Tất cả khóa học
course-loading = Đang tải khóa học…
course-lesson-steps = · { $count } bước

course-lesson-done = Đã xong
course-lesson-started = Đang học: { $seen }/{ $total } bước
course-lesson-new = Mới
course-unit-progress = Đã xong { $done }/{ $total } bài

course-enrolment-application = Ở trang này, khóa học phải đăng ký: bạn học các bài ngay bây giờ, và nhận giấy chứng nhận khi đơn được duyệt.
course-enrolment-assignment = Ở trang này, khóa học được học qua lớp của giáo viên: bạn học các bài ngay bây giờ, và nhận giấy chứng nhận khi lớp được giao khóa học.

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

download-error-connection = mất kết nối. Phần đã tải xuống vẫn được giữ; hãy tiếp tục khi trực tuyến
download-error-damaged = { $name } liên tục bị lỗi khi tải về ({ $attempts } lần thử); hãy thử lại sau
download-error-status = máy chủ trả về { $status } cho { $name }
download-error-device-full = thiết bị này đã đầy. Không mất dữ liệu nào; hãy xóa bản tải xuống của một khóa học bạn đã học xong (có trong trang Thiết bị), hoặc giải phóng dung lượng trên thiết bị, rồi tiếp tục
download-error-storage = không thể lưu bản tải xuống: { $reason }
download-error-delete = không thể xóa các bản tải xuống: { $reason }
download-progress-label = Tiến độ tải xuống
download-save-data-note = Trình duyệt của bạn đang bật chế độ tiết kiệm dữ liệu: chỉ tải xuống phần chữ sẽ nhẹ hơn.
download-start-all = Tải xuống để dùng ngoại tuyến ({ $size })
download-start-rest = Tải xuống phần còn lại ({ $size })
download-start-text-only = Chỉ phần chữ ({ $size }); âm thanh phát khi trực tuyến
download-start-audio-too = Tải xuống cả âm thanh ({ $size })
download-resume = Tiếp tục tải xuống
download-pause = Tạm dừng
download-delete = Xóa bản tải xuống (vẫn giữ tiến độ của bạn)
download-unit-on-device = { $size } · trên thiết bị này
download-unit-to-download = { $size } cần tải xuống
download-unit-start = Tải xuống chương này
download-assigned-paused = việc tải xuống đã bị tạm dừng
download-assigned-unavailable = trình duyệt này không thể lưu bản tải xuống (bạn đang dùng cửa sổ ẩn danh?)
download-list-title = Khóa học đã tải xuống
download-list-loading = Đang đọc các bản tải xuống…
download-list-error = Không đọc được các bản tải xuống: { $reason }.
download-list-empty = Chưa có khóa học nào được tải xuống. Hãy vào trang của một khóa học để tải xuống và dùng ngoại tuyến.
download-list-entry = { $title }: { $size }
download-list-delete = Xóa bản tải xuống
download-list-note = Xóa bản tải xuống vẫn giữ tiến độ của bạn; khóa học sẽ lại chỉ mở được khi trực tuyến.
download-status-checking = Đang kiểm tra nội dung có trên thiết bị này…
download-status-not-downloaded = Chưa tải xuống. Toàn bộ khóa học kèm âm thanh là { $total }.
download-status-partly = Đã tải xuống một phần: { $stored } / { $total }. Hãy tiếp tục để tải phần còn lại.
download-status-text-only = Đã tải xuống phần chữ: { $text } trên thiết bị này. Âm thanh ({ $audio }) chỉ phát khi trực tuyến.
download-status-downloading = Đang tải xuống: { $done } / { $total }
download-status-few-seconds-left = Đang tải xuống: { $done } / { $total }, còn vài giây
download-status-seconds-left = Đang tải xuống: { $done } / { $total }, còn khoảng { $seconds } giây
download-status-minutes-left = Đang tải xuống: { $done } / { $total }, còn khoảng { $minutes } phút
download-status-hours-left = Đang tải xuống: { $done } / { $total }, còn khoảng { $hours } giờ
download-status-paused = Đã tạm dừng: đã tải xuống { $done } / { $total }.
download-status-stopped = Đã dừng tải xuống: { $reason }.
download-status-complete = Đã tải xuống: { $total } trên thiết bị này. Có thể dùng ngoại tuyến.
download-status-unavailable = Trình duyệt này không thể lưu bản tải xuống (bạn đang dùng cửa sổ ẩn danh?). Bài học vẫn mở được khi trực tuyến.

## "This device" page: languages, storage, connection (src/pages/settings.rs)

settings-title = Thiết bị này
settings-interface-language-title = Ngôn ngữ
settings-interface-language-label = Hiển thị baeum bằng
settings-help-language-title = Ngôn ngữ trợ giúp
settings-help-language-label = Hiển thị nghĩa của từ và trợ giúp bằng
settings-storage-title = Bộ nhớ
settings-storage-measuring = Đang đo bộ nhớ…
settings-storage-unreported = Trình duyệt này không cho biết dung lượng bộ nhớ.
settings-storage-use = Đã dùng { $used } trên tổng số { $quota } dành cho baeum.
settings-storage-meter-label = Bộ nhớ đã dùng
settings-persistence-checking = Đang kiểm tra xem bản tải xuống có được bảo vệ không…
settings-persistence-protected = Bản tải xuống và tiến độ của bạn đã được bảo vệ: trình duyệt sẽ không xóa chúng để giải phóng dung lượng.
settings-persistence-not-protected = Trình duyệt có thể xóa bản tải xuống khi thiết bị sắp hết dung lượng. Câu trả lời của bạn vẫn được giữ cho đến khi gửi được tới trường.
settings-protect-downloads = Bảo vệ bản tải xuống của tôi
settings-offline-title = Dùng ngoại tuyến
settings-whole-app-explain = Trang nào bạn đã mở sẽ được giữ trên thiết bị này, để mở lại được khi không có mạng.
settings-whole-app-checking = Đang kiểm tra những gì có trên thiết bị này…
settings-whole-app-keep = Lưu toàn bộ ứng dụng trên thiết bị này ({ $size })
settings-whole-app-keep-again = Thử lưu lại toàn bộ ứng dụng trên thiết bị này
settings-whole-app-keeping = Đang tải xuống toàn bộ ứng dụng…
settings-whole-app-kept = Toàn bộ ứng dụng đã có trên thiết bị này: mọi trang đều mở được khi không có mạng.
settings-whole-app-failed = Không tải xuống được một số phần. Hãy kết nối mạng rồi thử lại.
settings-whole-app-unavailable = Trình duyệt này không thể lưu ứng dụng để dùng ngoại tuyến từ địa chỉ này.
settings-connection-title = Kết nối
settings-connection-offline = Ngoại tuyến. Mọi thứ bạn đã tải xuống vẫn dùng được; câu trả lời được lưu trên thiết bị này.
settings-connection-online = Trực tuyến.
settings-about-title = Giới thiệu

## My learning history page (src/pages/history.rs)

history-no-storage = Lịch sử cần dùng bộ nhớ của thiết bị này, nhưng bộ nhớ hiện không khả dụng.
history-title = Lịch sử học tập của tôi
history-intro = Đây là hồ sơ học tập của bạn. Hồ sơ được lưu dưới dạng các bản ghi xAPI chuẩn, mà mọi hệ thống lưu trữ hồ sơ học tập đều đọc được.
history-export = Lưu lịch sử của tôi thành tệp
history-import = Nhập tệp lịch sử
history-loading = Đang đọc lịch sử của bạn…
history-empty = Chưa có gì: các bài học của bạn sẽ hiện ở đây.
history-day-summary = : hoàn thành { $lessons } bài học, { $answers } câu trả lời ({ $right } câu đúng), đã đọc { $items } mục
history-import-unreadable = không đọc được tệp
history-import-not-json = đây không phải là tệp lịch sử (không phải JSON: { $error })
history-import-not-a-list = đây không phải là tệp lịch sử: tệp phải là một danh sách các bản ghi
history-import-result = Đã nhập { $added }; { $already_here } đã có sẵn ở đây; { $not_yours } thuộc về học sinh khác; { $unreadable } không đọc được.

## My classes page and the learner's assignments (src/teaching/learner.rs)

classes-title = Lớp của tôi
classes-loading = Đang tải…
classes-signed-out = Hãy đăng nhập để tham gia lớp của bạn. Bạn cần mã lớp do giáo viên đưa; không cần email.
classes-join-title = Tham gia lớp
classes-join-code-label = Mã lớp do giáo viên đưa
classes-join-button = Tham gia lớp
classes-join-code-missing = Hãy nhập mã mà giáo viên đã đưa cho bạn.
classes-joined = Bạn đã tham gia lớp { $class } (giáo viên: { $teacher }).
classes-join-unknown-code = Không có lớp nào có mã này. Hãy kiểm tra lại mã với giáo viên và nhập lại.
classes-join-not-a-code = Đây không phải là mã lớp: { $reason }.
classes-join-rate-limited = Bạn đã nhập sai mã quá nhiều lần. Hãy đợi { $wait } rồi thử lại.
classes-wait-seconds = { $seconds } giây
classes-wait-minutes = { $minutes } phút
classes-join-offline = Bạn đang ngoại tuyến. Cần có kết nối mạng để tham gia lớp; hãy thử lại khi trực tuyến.
classes-join-signed-out = Hãy đăng nhập trước, rồi nhập mã lớp.
classes-join-forbidden = Tài khoản này không thể tham gia lớp: { $reason }.
classes-join-failed = Tham gia lớp không thành công: { $reason }.
classes-mine-title = Các lớp tôi đang học
classes-none = Bạn chưa tham gia lớp nào.
classes-class-teacher = · giáo viên { $teacher }
classes-list-as-of = Danh sách lớp tính đến { $time }
classes-for-teacher-before = Hãy vào trang
classes-for-teacher-link = Giảng dạy
classes-for-teacher-after = để xem các lớp của bạn và mã tham gia của từng lớp.
classes-my-assignments-title = Bài tập của tôi
classes-assignments-as-of = Tính đến { $time }
classes-assignments-loading = Đang tải bài tập của bạn…
classes-no-assignments = Chưa có bài tập nào. Các bài học giáo viên giao sẽ hiện ở đây.
classes-download-assigned = Tải xuống bài tập của tôi để dùng ngoại tuyến
classes-download-assigned-finding = Đang tìm nội dung cần cho bài tập của bạn…
classes-download-assigned-progress = Đang tải xuống { $current } / { $total }…
classes-download-assigned-done = Các bài học được giao đã có trên thiết bị này: có thể mở khi ngoại tuyến.
classes-download-assigned-stopped = Đã dừng tải xuống: { $reason }.
classes-assignment-assigned-by = Được giao bởi
classes-assignment-class = · lớp { $class }
classes-assignment-due = Hạn nộp
classes-assignment-overdue = · Quá hạn
classes-assignment-progress = { $status } (đã xong { $done } / { $total } bài học)

## Teacher pages

teach-nav-teach = Giảng dạy
teach-nav-classes = Lớp học

## Teacher pages: errors from the school server
## These are put into other sentences after a colon, so they start with a lower-case letter.

teach-error-signed-out = bạn chưa đăng nhập trên thiết bị này; hãy đăng nhập để tiếp tục
teach-error-offline = không kết nối được máy chủ; hãy thử lại khi trực tuyến
teach-error-forbidden = tài khoản của bạn không được phép làm việc này: { $reason }
teach-error-rate-limited = thử quá nhiều lần; hãy đợi { $seconds } giây rồi thử lại
teach-error-unprepared = không thể chuẩn bị bài tập: { $error }
teach-error-unreadable-answer = máy chủ gửi một phản hồi mà ứng dụng này không đọc được: { $error }
teach-error-refused = máy chủ đã từ chối (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Chưa bắt đầu
teach-status-in-progress = Đang làm
teach-status-done = Đã xong

## Teacher pages: dates and times

teach-due-missing = hãy chọn ngày và giờ của hạn nộp
teach-due-unreadable = { $input } không phải là ngày giờ theo dạng 2026-12-01T17:00
teach-time-never = chưa bao giờ
teach-as-of = Tính đến { $time }
teach-due = hạn nộp { $time }
teach-last-active = hoạt động lần cuối { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = chương { $id }
teach-lesson-by-id = bài học { $id }
teach-target-whole-unit = { $course } › { $unit } (cả chương)
teach-target-whole-course = { $course } (cả khóa học)

## Teacher pages: who may see them

teach-loading = Đang tải…
teach-signed-out = Hãy đăng nhập bằng tài khoản giáo viên để tạo lớp và giao bài học.
teach-not-teacher = Các trang này dành cho giáo viên. Lớp và bài tập của bạn nằm ở mục { $link }.
teach-not-teacher-link = Lớp của tôi

## Teacher pages: the teacher's classes

teach-classes-title = Lớp của tôi
teach-new-class-name = Tên lớp mới
teach-create-class = Tạo lớp
teach-create-class-name-missing = Hãy đặt tên cho lớp.
teach-create-class-failed = Chưa tạo được lớp: { $error }
teach-no-classes = Chưa có lớp nào. Hãy tạo một lớp ở trên.
teach-class-learner-count = { $count } học sinh
teach-join-code = Mã tham gia

## Teacher pages: one class

teach-back-to-classes = ← Lớp của tôi
teach-class-address-invalid = Địa chỉ này không dẫn đến lớp nào.
teach-class-title-fallback = Lớp
teach-class-settings = Cài đặt lớp
teach-class-name = Tên lớp
teach-rename = Đổi tên
teach-class-renamed = Đã đổi tên lớp.
teach-rename-failed = Chưa đổi được tên: { $error }
teach-rotate-join-code = Tạo mã tham gia mới
teach-rotate-join-code-hint = Học sinh đã ở trong lớp vẫn ở lại lớp; mã cũ sẽ không dùng được nữa.
teach-join-code-rotated = Lớp đã có mã tham gia mới; mã cũ không còn dùng được.
teach-rotate-failed = Chưa tạo được mã mới: { $error }

## Teacher pages: the site of the address, for its staff

teach-site-link = Quản lý trang này
teach-site-not-yours = Trang này dành cho nhân viên của trang mà địa chỉ này thuộc về.
teach-site-role-teacher = Bạn dạy ở trang này.
teach-site-role-admin = Bạn quản lý trang này.
teach-site-role-platform-admin = Bạn quản lý cả nền tảng, kể cả trang này.
teach-site-courses-title = Các khóa học ở đây
teach-site-courses-all = Mọi khóa học của nền tảng, hiện có và sau này
teach-site-courses-only = Chỉ các khóa học được đánh dấu bên dưới
teach-site-courses-save = Lưu các khóa học
teach-site-courses-saved = Đã lưu. Học sinh sẽ thấy các khóa học đã chọn vào lần tới mở trang.
teach-site-courses-none = Hãy đánh dấu ít nhất một khóa học, hoặc chọn mọi khóa học.
teach-site-failed = Chưa làm được: { $error }
teach-site-staff-title = Nhân sự của trang này
teach-site-staff-teacher = Giáo viên
teach-site-staff-admin = Quản lý trang
teach-site-staff-role-label = Vai trò của { $name }
teach-site-staff-remove = Bỏ khỏi danh sách
teach-site-staff-saved = Đã lưu.
teach-site-staff-hint = Giáo viên tham gia bằng lời mời. Khi rời danh sách, lớp của họ vẫn là của họ.
teach-site-featured-title = Nổi bật trên trang chủ
teach-site-featured-hint = Học viên ở trang này thấy các khóa học này đầu tiên trên trang chủ, theo đúng thứ tự này. Nếu không chọn khóa nào, trang chủ hiện các khóa học đầu tiên của danh mục.
teach-site-featured-up = Lên trên
teach-site-featured-up-label = Đưa { $course } lên trên
teach-site-featured-remove = Bỏ
teach-site-featured-remove-label = Bỏ { $course } khỏi trang chủ
teach-site-featured-choose = Một khóa học của trang này
teach-site-featured-add = Đưa lên trang chủ
teach-site-featured-saved = Đã lưu.
teach-site-invite-title = Mời một giáo viên
teach-site-invite-hint = Mã chỉ dùng một lần: giáo viên mới nhập mã khi tạo tài khoản trong ứng dụng giáo viên tại địa chỉ của trang này.
teach-site-invite = Tạo mã mời
teach-site-invitation-until = dùng được đến { $time }
teach-site-report-title = Việc học ở trang này
teach-site-report-hint = Theo từng khóa học và từng tháng. Con số dựa trên ít hơn { $smallest } học sinh sẽ không được hiện, để không ai nhận ra một em nào.
teach-site-report-empty = Trang này chưa ghi nhận việc học nào.
teach-site-column-course = Khóa học
teach-site-column-month = Tháng
teach-site-column-active = Học sinh đã học
teach-site-column-lessons = Bài học đã xong
teach-site-column-courses = Khóa học đã xong
teach-site-report-download = Tải báo cáo (CSV)
teach-site-suppressed = ít hơn { $smallest }
teach-site-certificates-title = Giấy chứng nhận
teach-site-certificates-hint = Các giấy chứng nhận trang này đã cấp, mới nhất ở trên cùng. Bạn có thể thu hồi giấy nào đã cấp nhầm: khi kiểm tra, giấy đó sẽ hiện là đã bị thu hồi, và học viên có thể đề nghị cấp lại.
teach-site-certificates-none = Trang này chưa cấp giấy chứng nhận nào.
teach-site-certificate-course = Khóa học
teach-site-certificate-name = Tên ghi trên giấy
teach-site-certificate-issued = Ngày cấp
teach-site-certificate-state = Trạng thái
teach-site-certificate-revoked = Đã thu hồi vào { $time }
teach-site-certificate-revoke = Thu hồi
teach-site-certificate-revoke-confirm = Thu hồi giấy chứng nhận khóa học { $course } của { $name }? Việc này không thể hoàn tác.

## Teacher pages: a class taught with another school

teach-joint-title = Dạy cùng một trường khác
teach-joint-schools = Các trường: { $names }
teach-joint-teachers = Giáo viên
teach-joint-owner = người tạo lớp này
teach-joint-hint = Để dạy lớp này cùng một giáo viên của trường khác, hãy đưa cho họ mã giáo viên này. Họ nhập mã trong baeum tại địa chỉ của trường mình; sau đó học sinh của họ tham gia lớp ở đó bằng mã tham gia của lớp.
teach-joint-code = Mã giáo viên
teach-joint-make-code = Tạo mã giáo viên
teach-joint-withdraw-code = Ngừng dùng mã này
teach-joint-remove = Đưa { $name } ra khỏi lớp này
teach-joint-leave = Rời lớp này
teach-joint-failed = Chưa thay đổi: { $error }
teach-joint-take-up-title = Dạy một lớp cùng trường khác
teach-joint-take-up-code = Mã giáo viên do giáo viên của lớp đưa
teach-joint-take-up = Dạy lớp này
teach-joint-take-up-failed = Chưa nhận được lớp: { $error }
teach-joint-filter = Hiện học sinh của
teach-joint-filter-all = tất cả các trường

## Teacher pages: the learners in a class

teach-members-title = Học sinh
teach-no-members = Chưa có học sinh nào. Học sinh tham gia bằng mã ở trên.
teach-remove = Xóa
teach-remove-member-label = Xóa { $name } khỏi lớp
teach-confirm-removal = Xác nhận xóa
teach-remove-question = Xóa { $name } khỏi lớp này? Học sinh này sẽ không xem được các bài tập của lớp nữa.
teach-remove-yes = Có, xóa
teach-remove-keep = Giữ lại
teach-remove-failed = Chưa xóa được { $name }: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Giao bài học
teach-assign-course = Khóa học
teach-assign-choose-course = Chọn khóa học
teach-assign-catalog-failed = Không thể tải danh sách khóa học: { $error }.
teach-assign-unit = Chương (không bắt buộc)
teach-assign-whole-course = Cả khóa học
teach-assign-lesson = Bài học (không bắt buộc)
teach-assign-whole-unit = Cả chương
teach-assign-due = Hạn nộp (giờ địa phương của bạn)
teach-assign-note = Ghi chú cho học sinh (không bắt buộc)
teach-assign-for = Giao cho
teach-assign-whole-class = Cả lớp
teach-assign-chosen-learners = Học sinh được chọn
teach-assign = Giao bài
teach-assign-course-missing = Hãy chọn một khóa học để giao.
teach-assign-due-unusable = Không dùng được hạn nộp này: { $problem }.
teach-assign-learners-missing = Hãy chọn ít nhất một học sinh, hoặc giao cho cả lớp.
teach-assigned = Đã giao.
teach-assigned-offline = Đã lưu trên thiết bị này; bài tập sẽ được gửi khi bạn trực tuyến trở lại.
teach-assign-save-failed = Không thể lưu bài tập trên thiết bị này: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Bài tập
teach-queue-waiting = Đang chờ gửi
teach-queue-refused = Máy chủ không chấp nhận: { $reason }
teach-queue-dismiss = Ẩn
teach-audience-whole-class = cả lớp
teach-audience-learners = { $count } học sinh
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = Tiến độ
teach-dashboard-loading = Đang tải bảng tiến độ…
teach-dashboard-offline = Đây là bản sao đã lưu trên thiết bị này; chưa thể cập nhật.
teach-dashboard-learners = Học sinh
teach-most-missed-title = Các mục hay sai nhất
teach-no-missed-items = Chưa có mục nào bị sai.
teach-missed-by-class = sai { $wrong } / { $attempts } lần, bởi { $learners } học sinh
teach-column-learner = Học sinh
teach-column-lesson = Bài học
teach-column-status = Trạng thái
teach-column-lessons = Số bài học
teach-column-score = Điểm
teach-column-last-active = Hoạt động lần cuối
teach-overdue = Quá hạn
teach-lessons-done-of = { $done } / { $total }
teach-score-percent = { $percent }%
teach-csv-download = Tải xuống CSV
teach-csv-refused-by-browser = Trình duyệt không chấp nhận việc tải xuống.
teach-csv-failed = Không tải được CSV: { $error }

## Teacher pages: one learner

teach-back-to-class = ← Quay lại lớp
teach-learner-title-fallback = Học sinh
teach-drill-down-as-of = Tính đến { $time } · hoạt động lần cuối { $last_active }
teach-drill-down-due = Hạn nộp { $time }
teach-items-missed-title = Các mục bị sai
teach-nothing-missed = Chưa sai mục nào.
teach-missed-by-learner = sai { $wrong } / { $attempts } lần

## Wellbeing: the check-in on home and where to get help

nav-help = Trợ giúp
check-in-title = Hôm nay bạn thấy thế nào?
check-in-face-1 = Rất buồn
check-in-face-2 = Hơi buồn
check-in-face-3 = Bình thường
check-in-face-4 = Vui
check-in-face-5 = Rất vui
check-in-words = Viết vài lời nếu bạn muốn (bằng ngôn ngữ nào cũng được)
check-in-talk = Tôi muốn nói chuyện với ai đó
check-in-share = Ai được xem câu trả lời này?
check-in-share-nobody = Chỉ mình tôi
check-in-share-teacher = { $teacher }, giáo viên lớp { $class }
check-in-privacy = Chỉ bạn thấy được câu trả lời của mình, trừ khi bạn chọn một giáo viên. Câu trả lời không bao giờ được tính vào điểm.
check-in-save = Lưu
check-in-skip = Để hôm khác
check-in-thanks = Cảm ơn bạn đã trả lời.
check-in-talk-private = Chỉ bạn thấy được câu trả lời này, nên không thầy cô nào biết bạn muốn nói chuyện. Lần sau bạn có thể chọn một thầy cô. Bạn cũng có thể kể với một người lớn mà bạn tin tưởng, hoặc gọi các đường dây hỗ trợ trong trang Trợ giúp.
check-in-talk-shared = Thầy cô của bạn sẽ thấy câu trả lời này vào lần tới khi mở baeum. Nếu bạn cần giúp đỡ ngay bây giờ, trang Trợ giúp có những người bạn có thể gọi điện.
check-in-skipped = Không sao cả. Hẹn gặp bạn ngày mai.
check-in-low = Cảm thấy như vậy cũng không sao. Bạn không hề đơn độc: có những người muốn giúp bạn.
check-in-not-saved = Không lưu được câu trả lời: { $reason }
help-title = Nơi có thể tìm sự giúp đỡ
help-intro = Khi có điều gì khó khăn, nhờ giúp đỡ là một việc dũng cảm. Bạn không cần chắc rằng chuyện đó nghiêm trọng, và cũng không cần giỏi tiếng Hàn.
help-trusted-adult = Bạn luôn có thể nói chuyện với thầy cô, bố mẹ hoặc một người lớn mà bạn tin tưởng. Những nơi này cũng sẵn sàng lắng nghe bạn:
help-country = Bạn đang ở đâu?
help-call = Gọi { $number }
help-loading = Đang tìm các đường dây hỗ trợ…
help-lines-unavailable = Không có kết nối mạng nên chưa thể hiển thị danh sách đường dây hỗ trợ. Hãy nói chuyện với thầy cô hoặc một người lớn mà bạn tin tưởng, hoặc mở lại trang này khi có mạng.
settings-check-in-title = Hôm nay bạn thấy thế nào?
settings-check-in-enabled = Hỏi tôi "Hôm nay bạn thấy thế nào?" ở trang chủ (tối đa một lần mỗi ngày)
settings-check-in-shared-title = Ai thấy câu trả lời của tôi
settings-check-in-shared-none = Bạn chưa chia sẻ câu trả lời nào với thầy cô.
settings-check-in-shared-intro = Những thầy cô này thấy được các câu trả lời bạn đã chọn chia sẻ. Bạn có thể rút lại bất cứ lúc nào.
settings-check-in-shared-count = { $count } câu trả lời
settings-check-in-shared-left-class = Một lớp bạn không còn học
settings-check-in-shared-stop = Ngừng chia sẻ
settings-check-in-shared-stopped = Xong. Thầy cô đó không còn thấy các câu trả lời ấy nữa.
settings-check-in-shared-not-stopped = Không ngừng chia sẻ được: { $reason }
settings-check-in-shared-unreadable = Không hiện được các câu trả lời đã chia sẻ: { $reason }
history-export-check-ins = Đưa cả các câu trả lời "Hôm nay bạn thấy thế nào?" của tôi vào tệp

## Wellbeing in the teachers' app

teach-wellbeing-title = Học sinh của bạn thế nào?
teach-wellbeing-intro = Chỉ những học sinh đã chọn chia sẻ câu trả lời với bạn mới hiện ở đây.
teach-wellbeing-none = Chưa có học sinh nào trong lớp này chia sẻ câu trả lời với bạn.
teach-wellbeing-trend-better = Gần đây vui hơn
teach-wellbeing-trend-steady = Gần đây vẫn như cũ
teach-wellbeing-trend-lower = Gần đây buồn hơn
teach-wellbeing-recent = Các câu trả lời gần đây
teach-wellbeing-mood = { $mood } trên 5
teach-wellbeing-request = Muốn nói chuyện ({ $time })
teach-wellbeing-mark-seen = Đánh dấu đã xem
teach-wellbeing-request-seen = Đã muốn nói chuyện ({ $asked }), đã xem { $seen }
teach-wellbeing-no-open-requests = Không có học sinh nào đang chờ nói chuyện với bạn.
teach-wellbeing-open-requests = { $count ->
       *[other] Có { $count } yêu cầu nói chuyện đang chờ bạn.
    }

## The catalogue: every course of the site, searched page by page

catalog-title = Tất cả khóa học
catalog-search-label = Từ trong tên khóa học
catalog-subject-label = Môn học
catalog-level-label = Trình độ
catalog-language-label = Ngôn ngữ trợ giúp
catalog-any = Tất cả
catalog-subject-korean = Tiếng Hàn
catalog-subject-vietnamese = Tiếng Việt
catalog-subject-math = Toán
catalog-subject-science = Khoa học
catalog-subject-social = Xã hội
catalog-subject-other = Khác
catalog-level-beginner = Nhập môn
catalog-level-elementary = Sơ cấp
catalog-level-intermediate = Trung cấp
catalog-search = Tìm
catalog-total = { $count } khóa học
catalog-none = Không có khóa học nào phù hợp.
catalog-offline = Ngoại tuyến: đang tìm trong { $count } khóa học đã xem trên thiết bị này.
catalog-lessons = { $lessons } bài học, { $size }
catalog-pages = Các trang kết quả
catalog-page = Trang { $page } / { $pages }
catalog-previous = Trước
catalog-next = Tiếp

## Certificates: the learner's certificates and checking one (src/pages/certificates.rs, src/pages/verify.rs)

certificates-title = Giấy chứng nhận của tôi
certificates-intro = Giấy chứng nhận cho biết bạn đã hoàn thành một khóa học ở một trang. Giấy được lưu trên thiết bị này: bạn có thể cho người khác xem, in ra hoặc đưa mã QR của nó mà không cần kết nối mạng.
certificates-none = Bạn chưa có giấy chứng nhận nào.
certificates-as-of = Tính đến { $time }, lần cuối thiết bị này kết nối được với máy chủ.
certificates-kind = Giấy chứng nhận hoàn thành
certificates-issuer = Nơi cấp
certificates-date = Ngày
certificates-hours = Thời gian học
certificates-hours-value = { $hours } giờ
certificates-id = Số hiệu
certificates-revoked = Trang đã thu hồi giấy chứng nhận này vào { $date }.
certificates-qr-label = Mã QR: quét mã để kiểm tra giấy chứng nhận này
certificates-code = Giấy chứng nhận dạng văn bản
certificates-print = In
certificates-save = Lưu thành tệp
certificates-save-all = Lưu tất cả giấy chứng nhận của tôi vào một tệp
certificates-request-title = Nhận giấy chứng nhận
certificates-request-intro = Khi đã hoàn thành một khóa học ở trang này, bạn hãy đề nghị cấp giấy chứng nhận. Máy chủ sẽ kiểm tra những câu trả lời của bạn mà nó đã nhận được.
certificates-course = Khóa học
certificates-name = Tên của bạn để in lên giấy chứng nhận
certificates-request = Đề nghị cấp giấy chứng nhận
certificates-issued = Giấy chứng nhận của bạn đã sẵn sàng.
certificates-not-yet = Chưa hoàn thành: mới có { $done } / { $total } bài học được tính.
certificates-missing-lesson = { $lesson }: chưa hoàn thành
certificates-low-score = { $lesson }: điểm cao nhất { $best }%, hãy làm lại bài và đạt điểm cao hơn
certificates-not-offered = Trang này không cấp giấy chứng nhận cho khóa học đó.
certificates-sign-in = Hãy đăng nhập để nhận giấy chứng nhận.
certificates-verify-link = Kiểm tra giấy chứng nhận
certificates-verify-title = Kiểm tra giấy chứng nhận
certificates-verify-intro = Dán văn bản của giấy chứng nhận hoặc mở tệp của nó. Khi thiết bị này đã có khóa chữ ký của các trang, việc kiểm tra không cần kết nối mạng.
certificates-verify-text = Văn bản của giấy chứng nhận
certificates-verify-file = Mở tệp giấy chứng nhận
certificates-verify = Kiểm tra
certificates-valid = Giấy thật
certificates-valid-detail = { $site } xác nhận { $name } đã hoàn thành khóa học { $course } ({ $hours } giờ) vào { $date }.
certificates-refused = Không được chấp nhận
certificates-claims = Trên giấy ghi: { $name }, { $course }, { $site }, { $date }.
certificates-refusal-unreadable = Đây không phải là giấy chứng nhận, hoặc giấy bị hỏng hay bị mất một phần.
certificates-refusal-unknown-key = Theo những gì thiết bị này biết, không có trang nào của nền tảng này đã ký giấy này. Hãy kết nối mạng một lần để tải các khóa chữ ký mới nhất, rồi kiểm tra lại.
certificates-refusal-other-site = Giấy được ký bằng khóa chữ ký của một trang khác, không phải của trang có tên trên giấy.
certificates-refusal-retired = Ngày ghi trên giấy muộn hơn thời điểm khóa chữ ký đã ký nó bị thay thế.
certificates-refusal-tampered = Có nội dung trong giấy đã bị thay đổi sau khi được ký.
certificates-refusal-revoked = Trang đã thu hồi giấy này vào { $date }.
certificates-checked-as-of = Đã kiểm tra theo khóa chữ ký của các trang và danh sách giấy chứng nhận bị thu hồi tính đến { $time }.
certificates-no-keys = Thiết bị này chưa có khóa chữ ký của các trang. Hãy kết nối internet một lần rồi mở lại trang này.
certificates-not-enrolled = Ở trang này, khóa học này phải đăng ký hoặc học qua lớp của giáo viên, và bạn chưa được ghi danh. Xem phần Ghi danh ở trên.
certificates-applications-title = Ghi danh
certificates-applications-intro = Một số khóa học ở trang này phải đăng ký: hãy đăng ký ở đây, trang sẽ báo cho bạn quyết định. Trong lúc chờ, bạn vẫn học được các bài của khóa.
certificates-applications-places = ({ $places } chỗ)
certificates-applications-apply = Đăng ký
certificates-applications-by-assignment = Học qua lớp của giáo viên ở trang này.
certificates-applications-queued = Chưa gửi: đơn sẽ được gửi khi thiết bị này có mạng.
certificates-applications-refused = Không được chấp nhận: { $reason }
certificates-applications-mine = Đơn đăng ký của tôi
certificates-applications-none = Bạn chưa đăng ký khóa học nào.
certificates-applications-applied = đăng ký { $date }
certificates-applications-pending = Đang chờ trang quyết định
certificates-applications-waiting = Trong danh sách chờ: thứ { $place }
certificates-applications-approved = Đã duyệt
certificates-applications-declined = Bị từ chối: { $reason }
certificates-applications-withdrawn = Đã rút đơn
certificates-applications-withdraw = Rút đơn
teach-site-enrolment-title = Ghi danh
teach-site-enrolment-hint = Cách học viên vào từng khóa học ở đây: mở (ai cũng bắt đầu ngay), đăng ký (bạn duyệt hoặc từ chối), hoặc qua lớp của giáo viên giao khóa học. Giấy chứng nhận chỉ cấp cho học viên đã ghi danh. Các bài học vẫn mở cho mọi người.
teach-site-enrolment-course = Khóa học
teach-site-enrolment-mode = Cách vào học
teach-site-enrolment-open = Mở
teach-site-enrolment-application = Đăng ký
teach-site-enrolment-assignment = Qua lớp của giáo viên
teach-site-enrolment-capacity = Số chỗ (để trống: không giới hạn)
teach-site-enrolment-places = ({ $places } chỗ)
teach-site-enrolment-save = Lưu
teach-site-enrolment-saved = Đã lưu.
teach-site-applications-title = Đơn đăng ký
teach-site-applications-none = Chưa có đơn đăng ký nào.
teach-site-applications-approve = Duyệt
teach-site-applications-decline = Từ chối
teach-site-applications-reason = Lý do từ chối (học viên sẽ đọc)
certificates-progress-title = Tiến tới giấy chứng nhận
certificates-progress-line = { $course }: { $done } trên { $total } bài được tính
certificates-verify-scan = Quét bằng camera
certificates-verify-scan-stop = Tắt camera
certificates-verify-scan-problem = Không mở được camera. Hãy cho phép trang này dùng camera, hoặc dán văn bản của giấy chứng nhận.
