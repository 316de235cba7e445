# baeum's interface in Thai.

## Navigation: the main menu in the header

nav-main = เมนูหลัก
nav-courses = คอร์ส
nav-me = ฉัน
nav-device = อุปกรณ์

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = ข้ามไปยังเนื้อหา
shell-brand-home = หน้าแรก
shell-online = ออนไลน์
shell-offline = ออฟไลน์
shell-update-ready = baeum เวอร์ชันใหม่พร้อมใช้งานแล้ว
shell-update-now = อัปเดตเลย
shell-synced = ซิงค์แล้ว
shell-saved-on-device = บันทึกไว้ในอุปกรณ์นี้
shell-waiting-to-sync = รอซิงค์ { $count } รายการ
shell-waiting-on-device = บันทึกไว้ในอุปกรณ์นี้ { $count } รายการ

## Home: today's standing and the list of courses

home-courses-title = คอร์ส
home-loading-courses = กำลังโหลดคอร์ส…
home-course-meta = { $units } หน่วย · { $lessons } บทเรียน · ขนาดดาวน์โหลด { $size }
home-load-failed = แสดงส่วนนี้ไม่ได้: { $reason }
home-load-advice-offline = เชื่อมต่ออินเทอร์เน็ตหนึ่งครั้งเพื่อโหลด หลังจากนั้นจะใช้งานแบบออฟไลน์ได้
home-load-advice-later = ลองอีกครั้งภายหลัง ความก้าวหน้าของคุณยังอยู่ครบ
home-today = วันนี้
home-continue-lesson = เรียนต่อ: { $lesson }
home-next-lesson = ถัดไป: { $lesson }
home-streak-first-lesson = เริ่มบทเรียนแรกของคุณวันนี้เลย
home-streak-start-new = เรียนสักบทวันนี้เพื่อเริ่มนับวันเรียนต่อเนื่องใหม่
home-streak-days = เรียนต่อเนื่อง { $days } วัน
home-no-reviews-due = ไม่มีอะไรต้องทบทวน
home-reviews-due = ถึงเวลาทบทวน { $count } รายการ
home-lessons-done = บทเรียนที่เรียนจบแล้ว
home-lessons-progress = { $done } จาก { $total } บทเรียน

## Progress: reading the learner's progress from the device

progress-storage-failed = อ่านความก้าวหน้าของคุณจากอุปกรณ์นี้ไม่ได้: { $reason }
progress-fold-unavailable = คำนวณความก้าวหน้าของคุณไม่ได้ เพราะดาวน์โหลดส่วนของแอปที่ต้องใช้ไม่ได้ เชื่อมต่ออินเทอร์เน็ตแล้วเปิดหน้านี้อีกครั้ง สิ่งที่คุณทำไว้จะไม่หายไป

## Not found: an address that is no page of the app

notfound-title = ไม่มีหน้านี้
notfound-back = กลับไปที่คอร์สของคุณ
page-chunk-loading = กำลังเปิดหน้า…
page-chunk-failed = ดาวน์โหลดหน้านี้ไม่ได้ ตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง
assignments-chunk-failed = ดาวน์โหลดงานที่ได้รับมอบหมายของคุณไม่ได้ ตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง
page-chunk-retry = ลองอีกครั้ง
page-chunk-reload-hint = หากยังเกิดขึ้นซ้ำขณะออนไลน์อยู่ แอปอาจได้รับการอัปเดตในแท็บอื่น โปรดโหลดแอปใหม่
page-chunk-reload = โหลดแอปใหม่

## Account page ("Me")

account-title = ฉัน
account-intro = คุณเรียนได้โดยไม่ต้องมีบัญชี ความก้าวหน้าของคุณจะเก็บไว้ในอุปกรณ์นี้ เข้าสู่ระบบเพื่อเก็บไว้ในเซิร์ฟเวอร์ของโรงเรียนด้วย และดูได้จากอุปกรณ์อื่นของคุณ
account-history-link = ประวัติการเรียนของฉัน: ดู บันทึกเป็นไฟล์ หรือนำเข้า
account-sync-heading = การซิงค์
account-rejected-summary = คำตอบ { $count } รายการที่เซิร์ฟเวอร์ปฏิเสธ (เก็บไว้ในอุปกรณ์นี้)
account-rejected-entry = { $activity }: { $reason }
account-rejected-unknown-activity = กิจกรรมที่ไม่รู้จัก
account-rejected-invalid = ไม่ถูกต้อง: { $message }
account-rejected-conflict = ข้อมูลขัดแย้งกัน: { $message }
account-rejected-too-large = ใหญ่เกินไปสำหรับเซิร์ฟเวอร์

## Account panel: signing in, creating an account, signing out

account-panel = บัญชี
account-username = ชื่อผู้ใช้
account-password = รหัสผ่าน
account-sign-in = เข้าสู่ระบบ
account-create = สร้างบัญชี
account-signed-in-as = เข้าสู่ระบบในชื่อ { $username }
account-sign-out = ออกจากระบบ
account-wrong-credentials = ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง
account-username-taken = ชื่อผู้ใช้นี้มีคนใช้แล้ว
account-unreachable = ติดต่อเซิร์ฟเวอร์ไม่ได้ ลองอีกครั้งเมื่อออนไลน์
account-server-error = เซิร์ฟเวอร์ขัดข้อง (http { $status }) ลองอีกครั้งภายหลัง
account-server-refused = เซิร์ฟเวอร์ปฏิเสธ (http { $status })
account-unreadable-answer = เซิร์ฟเวอร์ส่งข้อมูลตอบกลับที่แอปนี้อ่านไม่ได้: { $detail }
account-storage-failed = บันทึกการเข้าสู่ระบบในอุปกรณ์นี้ไม่ได้: { $reason }

## Sync details on the "Me" page

sync-panel = การซิงค์
sync-activity-syncing = กำลังซิงค์…
sync-activity-up-to-date = ข้อมูลเป็นปัจจุบันแล้ว
sync-activity-waiting-to-retry = จะลองอีกครั้งในไม่ช้า
sync-activity-offline = ออฟไลน์: ความก้าวหน้าบันทึกไว้ในอุปกรณ์นี้
sync-activity-sign-in-again = เข้าสู่ระบบอีกครั้งเพื่อซิงค์
sync-activity-not-signed-in = ยังไม่ได้เข้าสู่ระบบ: ความก้าวหน้าจะอยู่ในอุปกรณ์นี้เท่านั้น
sync-waiting-label = รอซิงค์
sync-last-label = ซิงค์ล่าสุด
sync-last-never = ยังไม่เคย
sync-problem-label = ปัญหา
sync-problem-none = ไม่มี
sync-rejected-label = ถูกเซิร์ฟเวอร์ปฏิเสธ
sync-now = ซิงค์เลย
sync-problem-signed-out = ออกจากระบบแล้ว
sync-problem-server-unreachable = ติดต่อเซิร์ฟเวอร์ไม่ได้
sync-problem-server-error = เซิร์ฟเวอร์ขัดข้อง (http { $status })
sync-problem-unreadable-answer = เซิร์ฟเวอร์ส่งข้อมูลตอบกลับที่อ่านไม่ได้: { $detail }
sync-problem-rejected = ถูกปฏิเสธ: { $detail }
sync-problem-local-storage-failed = พื้นที่จัดเก็บในเครื่องขัดข้อง: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = ติดต่อเซิร์ฟเวอร์ไม่ได้ และยังไม่ได้ดาวน์โหลดส่วนนี้ไว้
load-status = เซิร์ฟเวอร์ตอบกลับ { $status } สำหรับ { $name }
load-unknown-course = ไม่มีคอร์ส `{ $course }`
load-unknown-lesson = คอร์ส `{ $course }` ไม่มีบทเรียน `{ $lesson }`
load-file-truncated = ไฟล์{ $kind ->
        [catalog] รายการคอร์ส
        [manifest] โครงสร้างคอร์ส
       *[lesson] บทเรียน
    }ไม่ครบ ถูกตัดขาด ({ $detail })
load-file-malformed = ไฟล์{ $kind ->
        [catalog] รายการคอร์ส
        [manifest] โครงสร้างคอร์ส
       *[lesson] บทเรียน
    }มีรูปแบบผิดที่บรรทัด { $line } คอลัมน์ { $column }: { $detail }
load-file-inconsistent = ไฟล์{ $kind ->
        [catalog] รายการคอร์ส
        [manifest] โครงสร้างคอร์ส
       *[lesson] บทเรียน
    }มีข้อมูลไม่สอดคล้องกัน: { $detail }
load-file-unsupported-format = ไฟล์{ $kind ->
        [catalog] รายการคอร์ส
        [manifest] โครงสร้างคอร์ส
       *[lesson] บทเรียน
    }ใช้รูปแบบแพ็ก { $found } แต่ baeum เวอร์ชันนี้อ่านรูปแบบ { $expected }
load-not-hashed-name = `{ $name }` ไม่ใช่ชื่อไฟล์แบบแฮชเนื้อหา (เลขฐานสิบหกตัวพิมพ์เล็ก 64 หลัก ตามด้วยจุดและนามสกุลไฟล์)
load-hash-mismatch = ข้อมูลของ `{ $name }` ไม่ตรงกับชื่อไฟล์: sha256 ของข้อมูลคือ { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = เบราว์เซอร์นี้ไม่มี indexeddb ให้ใช้ที่นี่ (หน้าต่างส่วนตัวหรือเบราว์เซอร์รุ่นเก่า)
storage-quota-exceeded = อุปกรณ์ไม่มีพื้นที่เหลือสำหรับแอปนี้แล้ว
storage-version-too-new = ข้อมูลที่บันทึกไว้มาจากแอปเวอร์ชันที่ใหม่กว่า โหลดหน้าใหม่เพื่ออัปเดต
storage-migration-failed = อัปเกรดข้อมูลที่บันทึกไว้ไม่ได้: { $detail }
storage-duplicate-statement = มีรายการบันทึกที่มี id { $id } อยู่แล้ว
storage-invalid-statement = บันทึกรายการนี้ไม่ได้: { $detail }
storage-serialization = เตรียมข้อมูลเพื่อจัดเก็บไม่ได้: { $detail }
storage-unreadable-record = อ่านระเบียน { $key } ใน { $store } ไม่ได้: { $detail }
storage-aborted = การเขียนข้อมูลถูกขัดจังหวะ และไม่มีส่วนใดถูกบันทึกไว้
storage-database-failed = ฐานข้อมูลในเครื่องขัดข้อง ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← คอร์ส
lesson-loading = กำลังโหลดบทเรียน…
lesson-saving = กำลังบันทึกคำตอบของคุณในอุปกรณ์นี้…
lesson-saved = บันทึกไว้ในอุปกรณ์นี้แล้ว
lesson-save-failed = บันทึกคำตอบบางข้อในอุปกรณ์นี้ไม่ได้: { $reason } ตรวจสอบพื้นที่ว่างในอุปกรณ์นี้ แล้วลองทำบทเรียนอีกครั้ง

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = ความก้าวหน้าในบทเรียน
lesson-position = { $current } / { $total }
lesson-culture-note = เกร็ดวัฒนธรรม
lesson-hear-letter-name = ฟังชื่อตัวอักษร: { $text }
lesson-hear-it = ฟังเสียง: { $text }
lesson-hear-word = ฟังคำ: { $text }
lesson-hear-example = ฟังตัวอย่าง: { $text }
lesson-listen = ฟัง: { $text }
lesson-show-hint = ดูคำใบ้
lesson-continue-anyway = ไปต่อเลย
lesson-continue = ไปต่อ
lesson-typed-answer-label = คำตอบของคุณเป็นภาษาเกาหลี
lesson-check = ตรวจคำตอบ
lesson-your-sentence = ประโยคของคุณ
lesson-correct = ถูกต้อง!
lesson-correct-written-exactly = ถูกต้อง เขียนให้ตรงทุกตัวคือ: { $expected }
lesson-not-quite = ยังไม่ถูกทีเดียว
lesson-answer-is = คำตอบคือ { $answer }
lesson-try-again = ลองอีกครั้ง หรือไปต่อ
lesson-diff-missing = ขาด { $expected }
lesson-diff-extra = ไม่ต้องมี { $given }
lesson-diff-wrong = { $given } ควรเป็น { $expected }
lesson-diff-jamo-wrong = ใน { $given } → { $expected }: { $part ->
        [initial] พยัญชนะต้น
        [medial] สระ
       *[final] ตัวสะกด
    }คือ { $expected_jamo } ไม่ใช่ { $given_jamo }
lesson-diff-jamo-missing = ใน { $given } → { $expected }: ขาด{ $part ->
        [initial] พยัญชนะต้น
        [medial] สระ
       *[final] ตัวสะกด
    } { $expected_jamo }
lesson-diff-jamo-extra = ใน { $given } → { $expected }: ไม่ต้องมี{ $part ->
        [initial] พยัญชนะต้น
        [medial] สระ
       *[final] ตัวสะกด
    } { $given_jamo }
lesson-diff-tone = ใน { $given } → { $expected }: เครื่องหมายวรรณยุกต์ต้องเป็น { $expected_tone } ไม่ใช่ { $given_tone }
lesson-diff-mark = ใน { $given } → { $expected }: ตัวอักษรต้องเป็น { $expected_letter } ไม่ใช่ { $given_letter }
lesson-complete = จบบทเรียนแล้ว
lesson-score = ตอบถูกตั้งแต่ครั้งแรก { $correct } จาก { $total } ข้อ ({ $percent }%)
lesson-next-lesson = บทเรียนถัดไป
lesson-back-to-course = กลับไปที่คอร์ส

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = แป้นพิมพ์เกาหลี
keyboard-keys-label = ปุ่มแป้นพิมพ์เกาหลี
keyboard-shift-label = Shift: พยัญชนะเสียงเกร็ง ㄲ ㄸ ㅃ ㅆ ㅉ และ ㅒ ㅖ
keyboard-backspace-label = Backspace: ลบหนึ่งตัวอักษร
keyboard-space-label = เว้นวรรค
keyboard-space-key = เว้นวรรค
keyboard-done-label = เสร็จ: ซ่อนแป้นพิมพ์เกาหลี
keyboard-done = เสร็จ
keyboard-latin-to-hangul = ใช้ปุ่มอักษรละตินพิมพ์ภาษาเกาหลี

## Recording answers

recording-no-sync-layer = ระบบซิงค์ไม่ได้ทำงานอยู่

## Reviews page: flash cards of what is due today

review-title = ทบทวน
review-loading = กำลังหารายการทบทวนของวันนี้…
review-nothing-due = ตอนนี้ยังไม่มีอะไรต้องทบทวน กลับมาใหม่พรุ่งนี้ หรือเรียนบทเรียนใหม่
review-no-sync-layer = ระบบซิงค์ไม่ได้ทำงานอยู่
review-position = { $current } / { $total }
review-done = เสร็จแล้วสำหรับตอนนี้
review-reviewed-count = คุณทบทวนไปแล้ว { $count } การ์ด
review-home = หน้าแรก
review-new-card = ใหม่
review-show-answer = ดูคำตอบ
review-knew-it = จำได้
review-not-yet = ยังจำไม่ได้

## Course page: a course's units and lessons (src/pages/course.rs)

course-all-courses = ← คอร์สทั้งหมด
course-loading = กำลังโหลดคอร์ส…
course-lesson-steps = · { $count } ขั้นตอน

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

download-error-connection = การเชื่อมต่อขาดหาย ส่วนที่ดาวน์โหลดแล้วยังเก็บไว้ ดาวน์โหลดต่อได้เมื่อออนไลน์
download-error-damaged = { $name } เสียหายทุกครั้งที่ได้รับ (ลอง { $attempts } ครั้ง) ลองอีกครั้งภายหลัง
download-error-status = เซิร์ฟเวอร์ตอบกลับ { $status } สำหรับ { $name }
download-error-device-full = อุปกรณ์นี้เต็มแล้ว ไม่มีอะไรสูญหาย ลบการดาวน์โหลดของคอร์สที่เรียนจบแล้ว (ดูได้ในหน้าอุปกรณ์) หรือเพิ่มพื้นที่ว่างในอุปกรณ์ แล้วดาวน์โหลดต่อ
download-error-storage = จัดเก็บการดาวน์โหลดไม่ได้: { $reason }
download-error-delete = ลบการดาวน์โหลดไม่ได้: { $reason }
download-progress-label = ความคืบหน้าการดาวน์โหลด
download-save-data-note = เบราว์เซอร์ของคุณขอให้ประหยัดอินเทอร์เน็ต: ดาวน์โหลดเฉพาะข้อความจะมีขนาดเล็กกว่า
download-start-all = ดาวน์โหลดไว้ใช้ออฟไลน์ ({ $size })
download-start-rest = ดาวน์โหลดส่วนที่เหลือ ({ $size })
download-start-text-only = เฉพาะข้อความ ({ $size }) เสียงจะเล่นได้เมื่อออนไลน์
download-start-audio-too = ดาวน์โหลดเสียงด้วย ({ $size })
download-resume = ดาวน์โหลดต่อ
download-pause = หยุดชั่วคราว
download-delete = ลบการดาวน์โหลด (ความก้าวหน้ายังอยู่)
download-unit-on-device = { $size } · อยู่ในอุปกรณ์นี้
download-unit-to-download = ขนาดดาวน์โหลด { $size }
download-unit-start = ดาวน์โหลดหน่วยนี้
download-assigned-paused = การดาวน์โหลดถูกหยุดชั่วคราว
download-assigned-unavailable = เบราว์เซอร์นี้เก็บการดาวน์โหลดไว้ไม่ได้ (เป็นหน้าต่างส่วนตัวหรือเปล่า?)
download-list-title = คอร์สที่ดาวน์โหลดแล้ว
download-list-loading = กำลังอ่านการดาวน์โหลด…
download-list-error = อ่านการดาวน์โหลดไม่ได้: { $reason }
download-list-empty = ยังไม่มีคอร์สที่ดาวน์โหลดไว้ ดาวน์โหลดคอร์สไว้ใช้ออฟไลน์ได้ที่หน้าของคอร์สนั้น
download-list-entry = { $title }: { $size }
download-list-delete = ลบการดาวน์โหลด
download-list-note = การลบการดาวน์โหลดไม่ลบความก้าวหน้าของคุณ คอร์สจะกลับไปเปิดแบบออนไลน์
download-status-checking = กำลังตรวจสอบสิ่งที่อยู่ในอุปกรณ์นี้…
download-status-not-downloaded = ยังไม่ได้ดาวน์โหลด ทั้งคอร์สพร้อมเสียงมีขนาด { $total }
download-status-partly = ดาวน์โหลดแล้วบางส่วน: { $stored } จาก { $total } ดาวน์โหลดต่อเพื่อรับส่วนที่เหลือ
download-status-text-only = ดาวน์โหลดข้อความแล้ว: { $text } ในอุปกรณ์นี้ เสียง ({ $audio }) จะเล่นได้เฉพาะเมื่อออนไลน์
download-status-downloading = กำลังดาวน์โหลด: { $done } จาก { $total }
download-status-few-seconds-left = กำลังดาวน์โหลด: { $done } จาก { $total } เหลืออีกไม่กี่วินาที
download-status-seconds-left = กำลังดาวน์โหลด: { $done } จาก { $total } เหลืออีกประมาณ { $seconds } วินาที
download-status-minutes-left = กำลังดาวน์โหลด: { $done } จาก { $total } เหลืออีกประมาณ { $minutes } นาที
download-status-hours-left = กำลังดาวน์โหลด: { $done } จาก { $total } เหลืออีกประมาณ { $hours } ชม.
download-status-paused = หยุดชั่วคราว: ดาวน์โหลดแล้ว { $done } จาก { $total }
download-status-stopped = การดาวน์โหลดหยุดลง: { $reason }
download-status-complete = ดาวน์โหลดแล้ว: { $total } ในอุปกรณ์นี้ ใช้งานแบบออฟไลน์ได้
download-status-unavailable = เบราว์เซอร์นี้เก็บการดาวน์โหลดไว้ไม่ได้ (เป็นหน้าต่างส่วนตัวหรือเปล่า?) ยังเปิดบทเรียนได้ขณะออนไลน์

## "This device" page: languages, storage, connection (src/pages/settings.rs)

settings-title = อุปกรณ์นี้
settings-interface-language-title = ภาษา
settings-interface-language-label = แสดง baeum เป็นภาษา
settings-help-language-title = ภาษาคำอธิบาย
settings-help-language-label = แสดงความหมายและคำอธิบายเป็นภาษา
settings-storage-title = พื้นที่จัดเก็บ
settings-storage-measuring = กำลังวัดพื้นที่จัดเก็บ…
settings-storage-unreported = เบราว์เซอร์นี้ไม่แจ้งข้อมูลพื้นที่จัดเก็บ
settings-storage-use = ใช้ไป { $used } จาก { $quota } ที่ baeum ใช้ได้
settings-storage-meter-label = พื้นที่ที่ใช้ไป
settings-persistence-checking = กำลังตรวจสอบว่าการดาวน์โหลดได้รับการป้องกันหรือไม่…
settings-persistence-protected = การดาวน์โหลดและความก้าวหน้าของคุณได้รับการป้องกัน: เบราว์เซอร์จะไม่ลบเพื่อเพิ่มพื้นที่ว่าง
settings-persistence-not-protected = เบราว์เซอร์อาจลบการดาวน์โหลดเมื่ออุปกรณ์มีพื้นที่เหลือน้อย คำตอบของคุณจะเก็บไว้จนกว่าจะส่งถึงโรงเรียน
settings-protect-downloads = ป้องกันการดาวน์โหลดของฉัน
settings-connection-title = การเชื่อมต่อ
settings-connection-offline = ออฟไลน์ ทุกอย่างที่คุณดาวน์โหลดไว้ยังใช้ได้ คำตอบจะเก็บไว้ในอุปกรณ์นี้
settings-connection-online = ออนไลน์
settings-about-title = เกี่ยวกับ

## My learning history page (src/pages/history.rs)

history-no-storage = ประวัติการเรียนต้องใช้พื้นที่จัดเก็บของอุปกรณ์นี้ ซึ่งใช้งานไม่ได้
history-title = ประวัติการเรียนของฉัน
history-intro = นี่คือบันทึกการเรียนของคุณ บันทึกไว้ในรูปแบบ xAPI statement มาตรฐาน ซึ่งระบบเก็บบันทึกการเรียนรู้ใดก็อ่านได้
history-export = บันทึกประวัติของฉันเป็นไฟล์
history-import = นำเข้าไฟล์ประวัติ
history-loading = กำลังอ่านประวัติของคุณ…
history-empty = ยังไม่มีอะไร บทเรียนของคุณจะแสดงที่นี่
history-day-summary = : เรียนจบ { $lessons } บทเรียน ตอบ { $answers } ข้อ (ถูก { $right } ข้อ) อ่าน { $items } รายการ
history-import-unreadable = อ่านไฟล์ไม่ได้
history-import-not-json = นี่ไม่ใช่ไฟล์ประวัติ (ไม่ใช่ JSON: { $error })
history-import-not-a-list = นี่ไม่ใช่ไฟล์ประวัติ: ไฟล์ควรเป็นรายการของ statement
history-import-result = นำเข้าแล้ว { $added } รายการ มีอยู่แล้ว { $already_here } รายการ เป็นของผู้เรียนคนอื่น { $not_yours } รายการ อ่านไม่ได้ { $unreadable } รายการ

## My classes page and the learner's assignments (src/teaching/learner.rs)

classes-title = ชั้นเรียนของฉัน
classes-loading = กำลังโหลด…
classes-signed-out = เข้าสู่ระบบเพื่อเข้าร่วมชั้นเรียนของคุณ ใช้รหัสที่ครูให้ ไม่ต้องใช้อีเมล
classes-join-title = เข้าร่วมชั้นเรียน
classes-join-code-label = รหัสชั้นเรียนจากครู
classes-join-button = เข้าร่วมชั้นเรียน
classes-join-code-missing = พิมพ์รหัสที่ครูให้คุณ
classes-joined = คุณเข้าร่วม { $class } แล้ว (ครู: { $teacher })
classes-join-unknown-code = ไม่มีชั้นเรียนที่ใช้รหัสนี้ ตรวจสอบรหัสกับครูแล้วพิมพ์อีกครั้ง
classes-join-not-a-code = นี่ไม่ใช่รหัสชั้นเรียน: { $reason }
classes-join-rate-limited = ใส่รหัสผิดหลายครั้งเกินไป รอ { $wait } แล้วลองอีกครั้ง
classes-wait-seconds = { $seconds } วินาที
classes-wait-minutes = { $minutes } นาที
classes-join-offline = คุณออฟไลน์อยู่ การเข้าร่วมชั้นเรียนต้องเชื่อมต่ออินเทอร์เน็ต ลองอีกครั้งเมื่อออนไลน์
classes-join-signed-out = เข้าสู่ระบบก่อน แล้วพิมพ์รหัสชั้นเรียน
classes-join-forbidden = บัญชีนี้เข้าร่วมไม่ได้: { $reason }
classes-join-failed = เข้าร่วมไม่สำเร็จ: { $reason }
classes-mine-title = ชั้นเรียนที่ฉันอยู่
classes-none = คุณยังไม่ได้อยู่ในชั้นเรียนใดเลย
classes-class-teacher = · ครู { $teacher }
classes-list-as-of = รายชื่อชั้นเรียน ณ { $time }
classes-for-teacher-before = ดูชั้นเรียนและรหัสเข้าร่วมของคุณได้ที่หน้า
classes-for-teacher-link = สอน
classes-for-teacher-after = ในเมนู
classes-my-assignments-title = งานที่ได้รับมอบหมายของฉัน
classes-assignments-as-of = ณ { $time }
classes-assignments-loading = กำลังโหลดงานที่ได้รับมอบหมาย…
classes-no-assignments = ยังไม่มีงานที่ได้รับมอบหมาย บทเรียนที่ครูมอบหมายจะแสดงที่นี่
classes-download-assigned = ดาวน์โหลดงานที่ได้รับมอบหมายไว้ใช้ออฟไลน์
classes-download-assigned-finding = กำลังหาสิ่งที่งานของคุณต้องใช้…
classes-download-assigned-progress = กำลังดาวน์โหลด { $current } จาก { $total }…
classes-download-assigned-done = บทเรียนที่ได้รับมอบหมายอยู่ในอุปกรณ์นี้แล้ว: เปิดแบบออฟไลน์ได้
classes-download-assigned-stopped = การดาวน์โหลดหยุดลง: { $reason }
classes-assignment-assigned-by = มอบหมายโดย
classes-assignment-class = · ชั้นเรียน { $class }
classes-assignment-due = กำหนดส่ง
classes-assignment-overdue = · เลยกำหนด
classes-assignment-progress = { $status } (เรียนจบ { $done } จาก { $total } บทเรียน)

## Teacher pages

teach-nav-teach = สอน
teach-nav-classes = ชั้นเรียน

## Teacher pages: errors from the school server

teach-error-signed-out = คุณยังไม่ได้เข้าสู่ระบบในอุปกรณ์นี้ เข้าสู่ระบบเพื่อดำเนินการต่อ
teach-error-offline = ติดต่อเซิร์ฟเวอร์ไม่ได้ ลองอีกครั้งเมื่อออนไลน์
teach-error-forbidden = บัญชีของคุณไม่มีสิทธิ์ทำสิ่งนี้: { $reason }
teach-error-rate-limited = ลองหลายครั้งเกินไป รอ { $seconds } วินาทีก่อนลองอีกครั้ง
teach-error-unprepared = เตรียมงานที่มอบหมายไม่ได้: { $error }
teach-error-unreadable-answer = เซิร์ฟเวอร์ส่งข้อมูลตอบกลับที่แอปนี้อ่านไม่ได้: { $error }
teach-error-refused = เซิร์ฟเวอร์ปฏิเสธ (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = ยังไม่เริ่ม
teach-status-in-progress = กำลังทำ
teach-status-done = เสร็จแล้ว

## Teacher pages: dates and times

teach-due-missing = เลือกวันและเวลากำหนดส่ง
teach-due-unreadable = { $input } ไม่ใช่วันและเวลาในรูปแบบ 2026-12-01T17:00
teach-time-never = ไม่เคย
teach-as-of = ณ { $time }
teach-due = กำหนดส่ง { $time }
teach-last-active = ใช้งานล่าสุด { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = หน่วย { $id }
teach-lesson-by-id = บทเรียน { $id }
teach-target-whole-unit = { $course } › { $unit } (ทั้งหน่วย)
teach-target-whole-course = { $course } (ทั้งคอร์ส)

## Teacher pages: who may see them

teach-loading = กำลังโหลด…
teach-signed-out = เข้าสู่ระบบด้วยบัญชีครูเพื่อสร้างชั้นเรียนและมอบหมายบทเรียน
teach-not-teacher = หน้าเหล่านี้สำหรับครู ชั้นเรียนและงานที่ได้รับมอบหมายของคุณอยู่ที่ { $link }
teach-not-teacher-link = ชั้นเรียนของฉัน

## Teacher pages: the teacher's classes

teach-classes-title = ชั้นเรียนของฉัน
teach-new-class-name = ชื่อชั้นเรียนใหม่
teach-create-class = สร้างชั้นเรียน
teach-create-class-name-missing = ตั้งชื่อให้ชั้นเรียน
teach-create-class-failed = ไม่ได้สร้างชั้นเรียน: { $error }
teach-no-classes = ยังไม่มีชั้นเรียน สร้างได้ที่ด้านบน
teach-class-learner-count = ผู้เรียน { $count } คน
teach-join-code = รหัสเข้าร่วม

## Teacher pages: one class

teach-back-to-classes = ← ชั้นเรียนของฉัน
teach-class-address-invalid = ที่อยู่นี้ไม่ได้ระบุชั้นเรียน
teach-class-title-fallback = ชั้นเรียน
teach-class-settings = การตั้งค่าชั้นเรียน
teach-class-name = ชื่อชั้นเรียน
teach-rename = เปลี่ยนชื่อ
teach-class-renamed = เปลี่ยนชื่อชั้นเรียนแล้ว
teach-rename-failed = ไม่ได้เปลี่ยนชื่อ: { $error }
teach-rotate-join-code = สร้างรหัสเข้าร่วมใหม่
teach-rotate-join-code-hint = ผู้เรียนที่อยู่ในชั้นเรียนแล้วยังคงอยู่ต่อ รหัสเดิมจะใช้ไม่ได้อีก
teach-join-code-rotated = ชั้นเรียนมีรหัสเข้าร่วมใหม่แล้ว รหัสเดิมใช้ไม่ได้อีกต่อไป
teach-rotate-failed = ไม่ได้สร้างรหัสใหม่: { $error }

## Teacher pages: the learners in a class

teach-members-title = ผู้เรียน
teach-no-members = ยังไม่มีผู้เรียน ผู้เรียนเข้าร่วมได้ด้วยรหัสด้านบน
teach-remove = นำออก
teach-remove-member-label = นำ { $name } ออก
teach-confirm-removal = ยืนยันการนำออก
teach-remove-question = นำ { $name } ออกจากชั้นเรียนนี้ใช่ไหม? ผู้เรียนจะเข้าถึงงานที่มอบหมายของชั้นเรียนนี้ไม่ได้อีก
teach-remove-yes = ใช่ นำออก
teach-remove-keep = ไม่นำออก
teach-remove-failed = ไม่ได้นำ { $name } ออก: { $error }

## Teacher pages: assigning lessons

teach-assign-title = มอบหมายบทเรียน
teach-assign-course = คอร์ส
teach-assign-choose-course = เลือกคอร์ส
teach-assign-catalog-failed = โหลดรายการคอร์สไม่ได้: { $error }
teach-assign-unit = หน่วย (ไม่บังคับ)
teach-assign-whole-course = ทั้งคอร์ส
teach-assign-lesson = บทเรียน (ไม่บังคับ)
teach-assign-whole-unit = ทั้งหน่วย
teach-assign-due = กำหนดส่ง (เวลาท้องถิ่นของคุณ)
teach-assign-note = หมายเหตุสำหรับผู้เรียน (ไม่บังคับ)
teach-assign-for = สำหรับ
teach-assign-whole-class = ทั้งชั้นเรียน
teach-assign-chosen-learners = ผู้เรียนที่เลือก
teach-assign = มอบหมาย
teach-assign-course-missing = เลือกคอร์สที่จะมอบหมาย
teach-assign-due-unusable = ใช้กำหนดส่งนี้ไม่ได้: { $problem }
teach-assign-learners-missing = เลือกผู้เรียนอย่างน้อยหนึ่งคน หรือมอบหมายให้ทั้งชั้นเรียน
teach-assigned = มอบหมายแล้ว
teach-assigned-offline = บันทึกไว้ในอุปกรณ์นี้แล้ว จะส่งเมื่อคุณออนไลน์อีกครั้ง
teach-assign-save-failed = บันทึกงานที่มอบหมายในอุปกรณ์นี้ไม่ได้: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = งานที่มอบหมาย
teach-queue-waiting = รอส่ง
teach-queue-refused = เซิร์ฟเวอร์ไม่รับ: { $reason }
teach-queue-dismiss = ซ่อน
teach-audience-whole-class = ทั้งชั้นเรียน
teach-audience-learners = ผู้เรียน { $count } คน
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = ความก้าวหน้า
teach-dashboard-loading = กำลังโหลดแดชบอร์ด…
teach-dashboard-offline = นี่คือสำเนาที่บันทึกไว้ในอุปกรณ์นี้ รีเฟรชข้อมูลไม่ได้
teach-dashboard-learners = ผู้เรียน
teach-most-missed-title = ข้อที่ตอบผิดบ่อยที่สุด
teach-no-missed-items = ยังไม่มีข้อที่ตอบผิด
teach-missed-by-class = ตอบผิด { $wrong } จาก { $attempts } ครั้ง โดยผู้เรียน { $learners } คน
teach-column-learner = ผู้เรียน
teach-column-lesson = บทเรียน
teach-column-status = สถานะ
teach-column-lessons = บทเรียน
teach-column-score = คะแนน
teach-column-last-active = ใช้งานล่าสุด
teach-overdue = เลยกำหนด
teach-lessons-done-of = { $done } จาก { $total }
teach-score-percent = { $percent }%
teach-csv-download = ดาวน์โหลด CSV
teach-csv-refused-by-browser = เบราว์เซอร์ไม่รับการดาวน์โหลด
teach-csv-failed = ไม่ได้ไฟล์ CSV: { $error }

## Teacher pages: one learner

teach-back-to-class = ← กลับไปที่ชั้นเรียน
teach-learner-title-fallback = ผู้เรียน
teach-drill-down-as-of = ณ { $time } · ใช้งานล่าสุด { $last_active }
teach-drill-down-due = กำหนดส่ง { $time }
teach-items-missed-title = ข้อที่ตอบผิด
teach-nothing-missed = ยังไม่มีข้อที่ตอบผิด
teach-missed-by-learner = ตอบผิด { $wrong } จาก { $attempts } ครั้ง

## Wellbeing: the check-in on home and where to get help

nav-help = ความช่วยเหลือ
check-in-title = วันนี้คุณรู้สึกอย่างไรบ้าง
check-in-face-1 = เศร้ามาก
check-in-face-2 = เศร้านิดหน่อย
check-in-face-3 = เฉย ๆ
check-in-face-4 = ดี
check-in-face-5 = มีความสุขมาก
check-in-words = เขียนสั้น ๆ ถ้าอยากเล่า (ภาษาอะไรก็ได้)
check-in-talk = ฉันอยากคุยกับใครสักคน
check-in-share = ใครดูคำตอบนี้ได้บ้าง
check-in-share-nobody = เฉพาะฉัน
check-in-share-teacher = { $teacher } ครูของห้อง { $class }
check-in-privacy = ถ้าไม่ได้เลือกครู จะมีแค่คุณที่เห็นคำตอบ และจะไม่นำไปคิดเป็นคะแนนเลย
check-in-save = บันทึก
check-in-skip = วันนี้ไม่ตอบ
check-in-thanks = ขอบคุณที่ตอบนะ
check-in-talk-private = คำตอบนี้มีแค่คุณที่เห็น จึงไม่มีครูคนไหนรู้ว่าคุณอยากคุยกับใครสักคน ครั้งหน้าคุณเลือกครูได้ หรือจะเล่าให้ผู้ใหญ่ที่คุณไว้ใจฟัง หรือโทรหาสายด่วนในหน้าความช่วยเหลือก็ได้
check-in-talk-shared = ครูของคุณจะเห็นคำตอบนี้เมื่อเปิด baeum ครั้งต่อไป ถ้าต้องการความช่วยเหลือตอนนี้เลย ในหน้าความช่วยเหลือมีคนที่คุณโทรหาได้
check-in-skipped = ไม่เป็นไร แล้วพบกันพรุ่งนี้
check-in-low = รู้สึกแบบนี้ได้ ไม่ผิดเลย คุณไม่ได้อยู่คนเดียว ยังมีคนที่อยากช่วยคุณ
check-in-not-saved = บันทึกคำตอบไม่ได้: { $reason }
help-title = ขอความช่วยเหลือได้ที่ไหน
help-intro = ถ้ามีเรื่องหนักใจ การขอความช่วยเหลือเป็นเรื่องที่กล้าหาญ ไม่ต้องแน่ใจว่าเรื่องนั้นร้ายแรงหรือเปล่า และไม่ต้องพูดภาษาเกาหลีเก่งก็ได้
help-trusted-adult = ไม่ว่าเมื่อไร คุณก็คุยกับครู พ่อแม่ หรือผู้ใหญ่คนอื่นที่คุณไว้ใจได้ ที่เหล่านี้ก็พร้อมรับฟังคุณเหมือนกัน:
help-country = ตอนนี้คุณอยู่ที่ไหน
help-call = โทร { $number }
help-loading = กำลังค้นหาสายด่วนช่วยเหลือ…
help-lines-unavailable = ไม่มีอินเทอร์เน็ต จึงแสดงรายชื่อสายด่วนช่วยเหลือไม่ได้ ลองคุยกับครูหรือผู้ใหญ่ที่ไว้ใจได้ หรือเปิดหน้านี้อีกครั้งเมื่อมีอินเทอร์เน็ต
settings-check-in-title = วันนี้คุณรู้สึกอย่างไรบ้าง
settings-check-in-enabled = ถาม "วันนี้คุณรู้สึกอย่างไรบ้าง" ที่หน้าแรก (ไม่เกินวันละครั้ง)
settings-check-in-shared-title = ใครเห็นคำตอบของฉันบ้าง
settings-check-in-shared-none = คุณยังไม่ได้แชร์คำตอบกับครูคนไหนเลย
settings-check-in-shared-intro = ครูเหล่านี้เห็นคำตอบที่คุณเลือกแชร์ให้ คุณเอาคืนได้ทุกเมื่อ
settings-check-in-shared-count = { $count } คำตอบ
settings-check-in-shared-left-class = ห้องที่คุณไม่ได้อยู่แล้ว
settings-check-in-shared-stop = เลิกแชร์
settings-check-in-shared-stopped = เรียบร้อย ครูคนนั้นจะไม่เห็นคำตอบเหล่านั้นอีก
settings-check-in-shared-not-stopped = เลิกแชร์ไม่ได้: { $reason }
settings-check-in-shared-unreadable = แสดงคำตอบที่แชร์ไว้ไม่ได้: { $reason }
history-export-check-ins = ใส่คำตอบ "วันนี้คุณรู้สึกอย่างไรบ้าง" ของฉันลงในไฟล์ด้วย

## Wellbeing in the teachers' app

teach-wellbeing-title = นักเรียนของคุณเป็นอย่างไรบ้าง
teach-wellbeing-intro = ที่นี่แสดงเฉพาะนักเรียนที่เลือกแบ่งปันคำตอบกับคุณ
teach-wellbeing-none = ยังไม่มีนักเรียนในห้องนี้แบ่งปันคำตอบกับคุณ
teach-wellbeing-trend-better = ช่วงนี้ดีขึ้น
teach-wellbeing-trend-steady = ช่วงนี้เหมือนเดิม
teach-wellbeing-trend-lower = ช่วงนี้รู้สึกแย่ลง
teach-wellbeing-recent = คำตอบล่าสุด
teach-wellbeing-mood = { $mood } จาก 5
teach-wellbeing-request = อยากคุยด้วย ({ $time })
teach-wellbeing-mark-seen = ทำเครื่องหมายว่าเห็นแล้ว
teach-wellbeing-request-seen = เคยขอคุย ({ $asked }) เห็นแล้วเมื่อ { $seen }
teach-wellbeing-no-open-requests = ไม่มีนักเรียนที่รอคุยกับคุณ
teach-wellbeing-open-requests = { $count ->
       *[other] มีคำขอคุย { $count } รายการรอคุณอยู่
    }
