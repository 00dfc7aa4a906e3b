# Numatytosios temos sąsajos tekstai lietuvių kalba (išversta iš anglų kalbos).
# Raktai (kairėje nuo "=") ir { $kintamieji } paliekami nepakeisti.

site-title = Tu esi vertingas
site-description = Turkijos, Kroatijos, Lietuvos ir Vengrijos mokyklų partnerystės parengtas vadovas ir gerosios praktikos pavyzdžiai, padedantys išvengti ankstyvo mokyklos nebaigimo.
project-motto = Kiekvienas žmogus yra vertingas: jokio iškritimo, jokių ašarų!

## Navigacija
skip-to-content = Pereiti prie turinio
nav-label = Pagrindinis meniu
nav-home = Pradžia
nav-guide = Vadovas
nav-practices = Gerosios praktikos pavyzdžiai
nav-reports = Ataskaitos
language-switcher = Kalba
language-not-translated = dar neišversta
toc-title = Šiame puslapyje
chapters-title = Skyriai
chapter-number = { $number } skyrius
chapter-previous = Ankstesnis skyrius
chapter-next = Kitas skyrius
chapter-nav-label = Vadovo skyriai
read-the-guide = Skaityti vadovą
reading-time = { $minutes ->
    [one] Skaitymo trukmė: { $minutes } minutė
    [few] Skaitymo trukmė: { $minutes } minutės
   *[other] Skaitymo trukmė: { $minutes } minučių
}

## Pranešimai apie vertimą
fallback-notice = Šis puslapis dar neišverstas į lietuvių kalbą. Skaitote originalą anglų kalba.
outdated-notice = Šio puslapio originalas anglų kalba pasikeitė po to, kai buvo parengtas šis vertimas, todėl kai kurios jo dalys gali būti pasenusios.
outdated-source-link = Skaityti originalą anglų kalba

## Išskirti blokai ir Markdown
callout-note = Pastaba
callout-tip = Patarimas
callout-important = Svarbu
callout-warning = Įspėjimas
callout-caution = Atsargiai
footnotes = Išnašos
footnote-back = Grįžti į tekstą
table-label = Lentelė (mažame ekrane slenkama į šoną)

## Gerosios praktikos pavyzdžiai
practices-intro = Gerosios praktikos pavyzdžiai, kuriuos mokyklos partnerės ir susiję Europos projektai taiko siekdami išvengti ankstyvo mokyklos nebaigimo, suskirstyti pagal etapą, kuriame jie veikia.
practices-filter = Rodyti pavyzdžius pagal šalį
practices-all-countries = Visos šalys
practice-country = Šalis
practice-stage = Etapas
practice-target-groups = Kam skirta
practice-tags = Temos
stage-prevention = Prevencija
stage-intervention = Intervencija
stage-compensation = Kompensavimas
stage-prevention-text = Kol problemų dar nėra: mokyklos klimatas, kuriame kiekvienas mokinys jaučiasi savas, ir ankstyvas įspėjamųjų ženklų pastebėjimas.
stage-intervention-text = Pasirodžius įspėjamiesiems ženklams: tutorystė, mentorystė ir darbas su šeima.
stage-compensation-text = Mokiniui palikus mokyklą: antrosios galimybės ir kelias atgal į švietimo sistemą.
target-students-at-risk = Mokiniai, kuriems gresia iškristi iš mokyklos
target-fewer-opportunities = Mažiau galimybių turintys mokiniai
target-immigrants = Mokiniai imigrantai
target-teachers = Mokytojai
target-school-staff = Švietimo darbuotojai ir mokyklų vadovai
target-parents = Tėvai ir šeimos
target-community = Vietos bendruomenė
country-TR = Turkija
country-HR = Kroatija
country-LT = Lietuva
country-HU = Vengrija
country-IT = Italija
country-SE = Švedija
country-DK = Danija
country-RO = Rumunija
country-ES = Ispanija
country-NO = Norvegija

## Ataskaitos
reports-intro = Partnerystės susitikimų, darbuotojų mokymų ir mokinių mainų ataskaitos (naujausios – viršuje).
reports-empty = Ataskaitų dar nėra.
reports-latest = Naujausios ataskaitos
reports-all = Visos ataskaitos
reports-feed = Prenumeruoti ataskaitas (Atom sklaidos kanalas)
report-date = Data
report-place = Vieta
report-kind = Rūšis
report-kind-transnational-meeting = Tarptautinis projekto susitikimas
report-kind-training = Jungtinis darbuotojų mokymo renginys
report-kind-pupil-exchange = Mokinių grupių mainai
report-kind-event = Renginys
report-planned = Planuojama
report-planned-notice = Tai planuojama programa. Priimantis partneris ją pakeis ataskaita apie tai, kas įvyko.
date-range = { $start } – { $end }

## Poraštė
footer-eu-funded = Bendrai finansuoja Europos Sąjunga
footer-eu-disclaimer = Finansuojama Europos Sąjungos. Tačiau išreikštos nuomonės ir požiūriai yra tik autoriaus (-ių) ir nebūtinai atspindi Europos Sąjungos ar Europos švietimo ir kultūros vykdomosios įstaigos (EACEA) nuomonę. Nei Europos Sąjunga, nei EACEA negali būti laikomos už juos atsakingomis.
footer-license = Tekstai ir paveikslai: { $license }
footer-made-with = Sukurta naudojant guidebook. Jokių slapukų, jokio sekimo.
eu-flag-alt = Europos Sąjungos vėliava

## Kalbos pasirinkimas ir nerasti puslapiai
choose-language = Pasirinkite kalbą
not-found-title = Puslapis nerastas
not-found-text = Ieškomo puslapio nėra arba jis buvo perkeltas.
not-found-home = Eiti į pradžios puslapį

## Paieška
search-label = Svetainės paieška
search-placeholder = Ieškoti vadove
search-submit = Ieškoti
search-results-label = Paieškos rezultatai
search-results = { $count ->
    [one] { $count } rezultatas
    [few] { $count } rezultatai
    [many] { $count } rezultato
   *[other] { $count } rezultatų
}
search-no-results = Pagal „{ $query }“ nieko nerasta. Pabandykite kitą žodį arba mažiau žodžių.
search-loading = Ieškoma…
search-error = Nepavyko įkelti paieškos. Patikrinkite ryšį ir bandykite dar kartą.
search-close = Uždaryti paieškos rezultatus
search-more = Rodyti daugiau rezultatų
search-section-chapter = Skyrius
search-section-practice = Gerosios praktikos pavyzdys
search-section-report = Ataskaita
search-section-page = Puslapis

## E. knyga
epub-download = Atsisiųsti vadovą kaip e. knygą (EPUB, { $size } KB)
epub-download-unsized = Atsisiųsti vadovą kaip e. knygą (EPUB)
epub-cover-alt = Knygos „{ $title }“ viršelis
epub-title-page = Antraštinis puslapis
epub-contents = Turinys
epub-landmarks = Orientyrai
epub-start = Knygos pradžia
epub-appendix-title = Priedas: gerosios praktikos pavyzdžiai
epub-colophon = Apie šią knygą
epub-partners = Turkijos (koordinatorė), Kroatijos, Lietuvos ir Vengrijos mokyklų partnerystė, siekianti išvengti ankstyvo mokyklos nebaigimo.
epub-built-on = Šis leidimas parengtas { $date }
epub-fallback-list = Šios dalys dar neišverstos, todėl pateikiamos anglų kalba:
epub-accessibility-summary = Šioje e. knygoje yra turinys, nuosekliai išdėstytos antraštės, kiekvienos iliustracijos tekstinė alternatyva ir nėra turinio, galinčio sukelti priepuolius. Ji atitinka WCAG 2.1 AA lygio reikalavimus.

## Vertimų būklė (koordinatoriaus puslapis; site.yaml faile status_page: true)
status-title = Vertimų būklė
status-intro = Kiek pažengė kiekviena kalba: išversti puslapiai, puslapiai, kurių originalas anglų kalba pasikeitė po vertimo (neatnaujinta), dar neišversti puslapiai (trūksta) ir kiek angliškų žodžių dar liko išversti.
status-languages = Visos kalbos
status-language = Kalba
status-translated = Išversta
status-outdated = Neatnaujinta
status-missing = Trūksta
status-words-left = Liko žodžių
status-done = Atlikta
status-percent = { $percent } %
status-sections = Pagal dalis
status-section = Dalis
status-pages = Puslapiai
status-to-do = Puslapiai, kuriuos reikia išversti arba atnaujinti
status-page = Puslapis
status-state = Būklė
status-words = Žodžiai
status-file = Failas
status-all-done = Visi puslapiai išversti ir atnaujinti.
status-other-pages = Kiti puslapiai
