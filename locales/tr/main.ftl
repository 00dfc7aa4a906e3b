# Varsayılan temanın arayüz metinleri, Türkçe.
# Anahtarları ("=" işaretinin solu) ve { $değişkenleri } olduğu gibi bırakın.

site-title = Değerlisin
site-description = Türkiye, Hırvatistan, Litvanya ve Macaristan'dan okulların ortaklığıyla hazırlanan, okulu erken terke karşı bir rehber kitap ve iyi uygulamalar.
project-motto = Her birey değerlidir; okul terki olmasın, gözyaşı olmasın!

## Navigation
skip-to-content = İçeriğe geç
nav-label = Ana menü
nav-home = Ana sayfa
nav-guide = Rehber kitap
nav-practices = İyi uygulamalar
nav-reports = Raporlar
language-switcher = Dil
language-not-translated = henüz çevrilmedi
toc-title = Bu sayfada
chapters-title = Bölümler
chapter-number = { $number }. Bölüm
chapter-previous = Önceki bölüm
chapter-next = Sonraki bölüm
chapter-nav-label = Rehberin bölümleri
read-the-guide = Rehberi okuyun
reading-time = { $minutes ->
    [one] { $minutes } dakikalık okuma
   *[other] { $minutes } dakikalık okuma
}

## Translation notices
fallback-notice = Bu sayfa henüz Türkçeye çevrilmedi. İngilizce aslını okuyorsunuz.
outdated-notice = Bu sayfanın İngilizce aslı, bu çeviri yapıldıktan sonra değişti; bu nedenle bazı kısımları güncel olmayabilir.
outdated-source-link = İngilizce aslını okuyun

## Callouts and Markdown
callout-note = Not
callout-tip = İpucu
callout-important = Önemli
callout-warning = Uyarı
callout-caution = Dikkat
footnotes = Notlar
footnote-back = Metne dön
table-label = Tablo (küçük ekranlarda yana kaydırılır)

## Good practices
practices-intro = Ortak okulların ve ilgili Avrupa projelerinin okulu erken terke karşı kullandığı uygulamalar; etkili oldukları aşamaya göre gruplandırılmıştır.
practices-filter = Ülkeye göre göster
practices-all-countries = Tüm ülkeler
practice-country = Ülke
practice-stage = Aşama
practice-target-groups = Kimler için
practice-tags = Konular
stage-prevention = Önleme
stage-intervention = Müdahale
stage-compensation = Telafi
stage-prevention-text = Sorunlar başlamadan önce: her öğrencinin kendini ait hissettiği bir okul iklimi ve erken uyarı.
stage-intervention-text = Uyarı işaretleri ortaya çıktığında: ders desteği, mentorluk ve aileyle birlikte çalışma.
stage-compensation-text = Öğrenci okulu bıraktıktan sonra: ikinci şanslar ve eğitime geri dönüş yolu.
target-students-at-risk = Okulu bırakma riski altındaki öğrenciler
target-fewer-opportunities = Daha az fırsata sahip öğrenciler
target-immigrants = Göçmen öğrenciler
target-teachers = Öğretmenler
target-school-staff = Eğitim personeli ve okul yöneticileri
target-parents = Veliler ve aileler
target-community = Yerel toplum
country-TR = Türkiye
country-HR = Hırvatistan
country-LT = Litvanya
country-HU = Macaristan
country-IT = İtalya
country-SE = İsveç
country-DK = Danimarka
country-RO = Romanya
country-ES = İspanya
country-NO = Norveç

## Reports
reports-intro = Ortaklığın toplantılarına, personel eğitimlerine ve öğrenci değişimlerine ait raporlar; en yenisi en üstte.
reports-empty = Henüz rapor yok.
reports-latest = Son raporlar
reports-all = Tüm raporlar
reports-feed = Raporlara abone olun (Atom beslemesi)
report-date = Tarih
report-place = Yer
report-kind = Tür
report-kind-transnational-meeting = Ulusötesi proje toplantısı
report-kind-training = Ortak personel eğitimi etkinliği
report-kind-pupil-exchange = Öğrenci grubu değişimi
report-kind-event = Etkinlik
report-planned = Planlanan
report-planned-notice = Bu, planlanan programdır. Ev sahibi ortak, bunun yerine gerçekleşen etkinliğin raporunu yayımlayacaktır.
date-range = { $start } – { $end }

## Footer
footer-eu-funded = Avrupa Birliği tarafından ortak finanse edilmiştir
footer-eu-disclaimer = Avrupa Birliği tarafından finanse edilmiştir. Ancak ifade edilen görüş ve düşünceler yalnızca yazar(lar)a aittir ve Avrupa Birliği'nin veya Avrupa Eğitim ve Kültür Yürütme Ajansı'nın (EACEA) görüşlerini yansıtmayabilir. Ne Avrupa Birliği ne de EACEA bunlardan sorumlu tutulamaz.
footer-license = Metin ve görseller: { $license }
footer-made-with = guidebook ile hazırlandı. Çerez yok, izleme yok.
eu-flag-alt = Avrupa Birliği bayrağı

## Language chooser and missing pages
choose-language = Dilinizi seçin
not-found-title = Sayfa bulunamadı
not-found-text = Aradığınız sayfa mevcut değil ya da taşınmış.
not-found-home = Ana sayfaya git

## Arama
search-label = Sitede ara
search-placeholder = Rehberde ara
search-submit = Ara
search-results-label = Arama sonuçları
search-results = { $count ->
    [one] { $count } sonuç
   *[other] { $count } sonuç
}
search-no-results = “{ $query }” için sonuç bulunamadı. Başka bir kelime ya da daha az kelime deneyin.
search-loading = Aranıyor…
search-error = Arama yüklenemedi. Bağlantınızı kontrol edip yeniden deneyin.
search-close = Arama sonuçlarını kapat
search-more = Daha fazla sonuç göster
search-section-chapter = Bölüm
search-section-practice = İyi uygulama
search-section-report = Rapor
search-section-page = Sayfa

## E-kitap
epub-download = Rehberi e-kitap olarak indirin (EPUB, { $size } KB)
epub-download-unsized = Rehberi e-kitap olarak indirin (EPUB)
epub-cover-alt = “{ $title }” kitabının kapağı
epub-title-page = İç kapak
epub-contents = İçindekiler
epub-landmarks = Yer işaretleri
epub-start = Kitabın başlangıcı
epub-appendix-title = Ek: İyi uygulamalar
epub-colophon = Bu kitap hakkında
epub-partners = Okulu erken terke karşı Türkiye (koordinatör), Hırvatistan, Litvanya ve Macaristan okullarının ortaklığı.
epub-built-on = Bu baskı { $date } tarihinde hazırlandı.
epub-fallback-list = Şu kısımlar henüz Türkçeye çevrilmediği için İngilizce gösteriliyor:
epub-accessibility-summary = Bu e-kitapta içindekiler tablosu, doğru sıralanmış başlıklar ve her şekil için metin alternatifi bulunur; nöbete yol açabilecek hiçbir içerik yoktur. WCAG 2.1 AA düzeyi gerekliliklerini karşılar.

## Çeviri durumu (koordinatörün sayfası; site.yaml içinde status_page: true)
status-title = Çeviri durumu
status-intro = Her dilin ne kadar ilerlediği: çevrilen sayfalar, çeviriden sonra İngilizce aslı değişen sayfalar (güncel değil), henüz çevrilmeyen sayfalar (eksik) ve çevrilecek İngilizce sözcük sayısı.
status-languages = Tüm diller
status-language = Dil
status-translated = Çevrildi
status-outdated = Güncel değil
status-missing = Eksik
status-words-left = Kalan sözcük
status-done = Tamamlanan
status-percent = %{ $percent }
status-sections = Kısımlara göre
status-section = Kısım
status-pages = Sayfa sayısı
status-to-do = Çevrilecek veya güncellenecek sayfalar
status-page = Sayfa
status-state = Durum
status-words = Sözcük
status-file = Dosya
status-all-done = Tüm sayfalar çevrildi ve güncel.
status-other-pages = Diğer sayfalar
