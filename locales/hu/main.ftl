# Az alapértelmezett téma felületi szövegei magyarul (angolból fordítva).
# A kulcsok ("=" bal oldala) és a { $változók } változatlanok maradnak.

site-title = Értékes vagy
site-description = Útmutató és jó gyakorlatok a korai iskolaelhagyás ellen, török, horvát, litván és magyar iskolák partnerségében.
project-motto = Minden egyes ember értékes: ne legyen lemorzsolódás, ne legyenek könnyek!

## Navigáció
skip-to-content = Ugrás a tartalomhoz
nav-label = Főmenü
nav-home = Kezdőlap
nav-guide = Útmutató
nav-practices = Jó gyakorlatok
nav-reports = Beszámolók
language-switcher = Nyelv
language-not-translated = még nincs lefordítva
toc-title = Ezen az oldalon
chapters-title = Fejezetek
chapter-number = { $number }. fejezet
chapter-previous = Előző fejezet
chapter-next = Következő fejezet
chapter-nav-label = Az útmutató fejezetei
read-the-guide = Olvassa el az útmutatót
reading-time = { $minutes ->
    [one] Olvasási idő: { $minutes } perc
   *[other] Olvasási idő: { $minutes } perc
}

## Fordítási értesítések
fallback-notice = Ez az oldal még nincs lefordítva magyarra. Az angol eredetit olvassa.
outdated-notice = Az oldal angol eredetije a fordítás elkészülte óta megváltozott, ezért egyes részei elavultak lehetnek.
outdated-source-link = Olvassa el az angol eredetit

## Kiemelt dobozok és Markdown
callout-note = Megjegyzés
callout-tip = Tipp
callout-important = Fontos
callout-warning = Figyelem
callout-caution = Vigyázat
footnotes = Jegyzetek
footnote-back = Vissza a szöveghez
table-label = Táblázat (kis képernyőn oldalra görgethető)

## Jó gyakorlatok
practices-intro = Jó gyakorlatok, amelyeket a partneriskolák és kapcsolódó európai projektek alkalmaznak a korai iskolaelhagyás ellen, aszerint csoportosítva, hogy melyik szakaszban hatnak.
practices-filter = Jó gyakorlatok ország szerint
practices-all-countries = Minden ország
practice-country = Ország
practice-stage = Szakasz
practice-target-groups = Kinek szól
practice-tags = Témák
stage-prevention = Megelőzés
stage-intervention = Beavatkozás
stage-compensation = Kompenzáció
stage-prevention-text = Mielőtt a problémák megjelennek: olyan iskolai légkör, ahol minden diák otthon érzi magát, és korai jelzőrendszer.
stage-intervention-text = Amikor figyelmeztető jelek mutatkoznak: korrepetálás, mentorálás és együttműködés a családdal.
stage-compensation-text = Miután a diák elhagyta az iskolát: második esély és visszaút az oktatásba.
target-students-at-risk = Lemorzsolódással veszélyeztetett diákok
target-fewer-opportunities = Kevesebb lehetőséggel rendelkező diákok
target-immigrants = Bevándorló diákok
target-teachers = Tanárok
target-school-staff = Oktatási munkatársak és iskolavezetők
target-parents = Szülők és családok
target-community = A helyi közösség
country-TR = Törökország
country-HR = Horvátország
country-LT = Litvánia
country-HU = Magyarország
country-IT = Olaszország
country-SE = Svédország
country-DK = Dánia
country-RO = Románia
country-ES = Spanyolország
country-NO = Norvégia

## Beszámolók
reports-intro = Beszámolók a partnerség találkozóiról, munkatársi képzéseiről és diákcseréiről, a legújabbal kezdve.
reports-empty = Még nincsenek beszámolók.
reports-latest = Legújabb beszámolók
reports-all = Összes beszámoló
reports-feed = Feliratkozás a beszámolókra (Atom-hírcsatorna)
report-date = Dátum
report-place = Helyszín
report-kind = Típus
report-kind-transnational-meeting = Transznacionális projekttalálkozó
report-kind-training = Közös munkatársi képzés
report-kind-pupil-exchange = Tanulócsoportok cseréje
report-kind-event = Rendezvény
report-planned = Tervezett
report-planned-notice = Ez a tervezett program. A fogadó partner a megvalósulás után beszámolóra cseréli.
date-range = { $start } – { $end }

## Lábléc
footer-eu-funded = Az Európai Unió társfinanszírozásával
footer-eu-disclaimer = Az Európai Unió finanszírozásával. Az itt szereplő vélemények és állítások a szerző(k) álláspontját tükrözik, és nem feltétlenül egyeznek meg az Európai Unió vagy az Európai Oktatási és Kulturális Végrehajtó Ügynökség (EACEA) hivatalos álláspontjával. Sem az Európai Unió, sem az EACEA nem vonható felelősségre miattuk.
footer-license = Szöveg és ábrák: { $license }
footer-made-with = Készült a guidebook segítségével. Sütik és követés nélkül.
eu-flag-alt = Az Európai Unió zászlaja

## Nyelvválasztás és hiányzó oldalak
choose-language = Válasszon nyelvet
not-found-title = Az oldal nem található
not-found-text = A keresett oldal nem létezik, vagy máshová került.
not-found-home = Ugrás a kezdőlapra

## Keresés
search-label = Keresés a webhelyen
search-placeholder = Keresés az útmutatóban
search-submit = Keresés
search-results-label = Találatok
search-results = { $count ->
    [one] { $count } találat
   *[other] { $count } találat
}
search-no-results = Nincs találat erre: „{ $query }”. Próbáljon más szót vagy kevesebb szót.
search-loading = Keresés…
search-error = A keresést nem sikerült betölteni. Ellenőrizze a kapcsolatot, és próbálja újra.
search-close = A találatok bezárása
search-more = További találatok
search-section-chapter = Fejezet
search-section-practice = Jó gyakorlat
search-section-report = Beszámoló
search-section-page = Oldal

## E-könyv
epub-download = Töltse le az útmutatót e-könyvként (EPUB, { $size } KB)
epub-download-unsized = Töltse le az útmutatót e-könyvként (EPUB)
epub-cover-alt = Az „{ $title }” című könyv borítója
epub-title-page = Címoldal
epub-contents = Tartalom
epub-landmarks = Tájékozódási pontok
epub-start = A könyv eleje
epub-appendix-title = Függelék: jó gyakorlatok
epub-colophon = A könyvről
epub-partners = Törökország (koordinátor), Horvátország, Litvánia és Magyarország iskolai partnersége a korai iskolaelhagyás ellen.
epub-built-on = A kiadás dátuma: { $date }
epub-fallback-list = Az alábbi részek még nincsenek lefordítva, ezért angolul olvashatók:
epub-accessibility-summary = Ez az e-könyv tartalomjegyzéket, helyes sorrendű címsorokat és minden ábrához szöveges alternatívát tartalmaz; nincs benne olyan tartalom, amely rohamot válthat ki. Megfelel a WCAG 2.1 AA szintű követelményeinek.

## A fordítások állapota (a koordinátor oldala; site.yaml: status_page: true)
status-title = A fordítások állapota
status-intro = Hol tart az egyes nyelvek fordítása: a lefordított oldalak, azok az oldalak, amelyeknek angol eredetije a fordítás óta megváltozott (elavult), a még le nem fordított oldalak (hiányzik), és hogy hány angol szót kell még lefordítani.
status-languages = Minden nyelv
status-language = Nyelv
status-translated = Lefordítva
status-outdated = Elavult
status-missing = Hiányzik
status-words-left = Hátralévő szavak
status-done = Kész
status-percent = { $percent }%
status-sections = Részenként
status-section = Rész
status-pages = Oldalak
status-to-do = Lefordítandó vagy frissítendő oldalak
status-page = Oldal
status-state = Állapot
status-words = Szavak
status-file = Fájl
status-all-done = Minden oldal le van fordítva, és naprakész.
status-other-pages = További oldalak
