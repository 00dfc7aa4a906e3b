# Tekstovi sučelja zadane teme, na hrvatskom.
# Ključeve (lijevo od "=") i { $varijable } ostavite kakvi jesu.

site-title = Vrijediš
site-description = Priručnik i primjeri dobre prakse protiv ranog napuštanja školovanja, nastali u školskom partnerstvu Turske, Hrvatske, Litve i Mađarske.
project-motto = Svaki je pojedinac vrijedan; bez napuštanja škole, bez suza!

## Navigation
skip-to-content = Preskoči na sadržaj
nav-label = Glavni izbornik
nav-home = Početna
nav-guide = Priručnik
nav-practices = Primjeri dobre prakse
nav-reports = Izvješća
language-switcher = Jezik
language-not-translated = još nije prevedeno
toc-title = Na ovoj stranici
chapters-title = Poglavlja
chapter-number = { $number }. poglavlje
chapter-previous = Prethodno poglavlje
chapter-next = Sljedeće poglavlje
chapter-nav-label = Poglavlja priručnika
read-the-guide = Pročitajte priručnik
reading-time = { $minutes ->
    [one] { $minutes } minuta čitanja
    [few] { $minutes } minute čitanja
   *[other] { $minutes } minuta čitanja
}

## Translation notices
fallback-notice = Ova stranica još nije prevedena na hrvatski. Čitate izvornik na engleskom.
outdated-notice = Engleski izvornik ove stranice promijenjen je nakon izrade ovog prijevoda pa neki dijelovi možda nisu ažurni.
outdated-source-link = Pročitajte engleski izvornik

## Callouts and Markdown
callout-note = Napomena
callout-tip = Savjet
callout-important = Važno
callout-warning = Upozorenje
callout-caution = Oprez
footnotes = Bilješke
footnote-back = Natrag na tekst
table-label = Tablica (na malim zaslonima pomiče se vodoravno)

## Good practices
practices-intro = Primjeri dobre prakse kojima se partnerske škole i srodni europski projekti koriste protiv ranog napuštanja školovanja, razvrstani prema fazi u kojoj djeluju.
practices-filter = Prikaži prema zemlji
practices-all-countries = Sve zemlje
practice-country = Zemlja
practice-stage = Faza
practice-target-groups = Kome je namijenjeno
practice-tags = Teme
stage-prevention = Prevencija
stage-intervention = Intervencija
stage-compensation = Kompenzacija
stage-prevention-text = Prije nego što nastanu problemi: školsko ozračje u kojem svaki učenik osjeća pripadnost i rano uočavanje znakova upozorenja.
stage-intervention-text = Kad se pojave znakovi upozorenja: podučavanje, mentorstvo i suradnja s obitelji.
stage-compensation-text = Nakon što je učenik napustio školu: druga prilika i put natrag u obrazovanje.
target-students-at-risk = Učenici kojima prijeti napuštanje škole
target-fewer-opportunities = Učenici s manje mogućnosti
target-immigrants = Učenici migranti
target-teachers = Nastavnici
target-school-staff = Odgojno-obrazovni djelatnici i ravnatelji
target-parents = Roditelji i obitelji
target-community = Lokalna zajednica
country-TR = Turska
country-HR = Hrvatska
country-LT = Litva
country-HU = Mađarska
country-IT = Italija
country-SE = Švedska
country-DK = Danska
country-RO = Rumunjska
country-ES = Španjolska
country-NO = Norveška

## Reports
reports-intro = Izvješća s partnerskih sastanaka, osposobljavanja djelatnika i razmjena učenika, od najnovijih prema starijima.
reports-empty = Još nema izvješća.
reports-latest = Najnovija izvješća
reports-all = Sva izvješća
reports-feed = Pretplatite se na izvješća (Atom kanal)
report-date = Datum
report-place = Mjesto
report-kind = Vrsta
report-kind-transnational-meeting = Transnacionalni projektni sastanak
report-kind-training = Zajedničko osposobljavanje osoblja
report-kind-pupil-exchange = Razmjena skupina učenika
report-kind-event = Događanje
report-planned = Planirano
report-planned-notice = Ovo je planirani program. Partner domaćin zamijenit će ga izvješćem o onome što se dogodilo.
date-range = { $start } – { $end }

## Footer
footer-eu-funded = Sufinancira Europska unija
footer-eu-disclaimer = Financirano sredstvima Europske unije. Izneseni stavovi i mišljenja samo su autorova i ne odražavaju nužno službena stajališta Europske unije ili Europske izvršne agencije za obrazovanje i kulturu (EACEA). Ni Europska unija ni EACEA ne mogu se smatrati odgovornima za njih.
footer-license = Tekst i slike: { $license }
footer-made-with = Izrađeno alatom guidebook. Bez kolačića, bez praćenja.
eu-flag-alt = Zastava Europske unije

## Language chooser and missing pages
choose-language = Odaberite jezik
not-found-title = Stranica nije pronađena
not-found-text = Stranica koju tražite ne postoji ili je premještena.
not-found-home = Idi na početnu stranicu

## Pretraživanje
search-label = Pretraživanje stranice
search-placeholder = Pretraži priručnik
search-submit = Traži
search-results-label = Rezultati pretraživanja
search-results = { $count ->
    [one] { $count } rezultat
    [few] { $count } rezultata
   *[other] { $count } rezultata
}
search-no-results = Nema rezultata za „{ $query }“. Pokušajte s drugom riječi ili s manje riječi.
search-loading = Pretraživanje…
search-error = Pretraživanje se nije moglo učitati. Provjerite vezu i pokušajte ponovno.
search-close = Zatvori rezultate pretraživanja
search-more = Prikaži još rezultata
search-section-chapter = Poglavlje
search-section-practice = Primjer dobre prakse
search-section-report = Izvješće
search-section-page = Stranica

## E-knjiga
epub-download = Preuzmite priručnik kao e-knjigu (EPUB, { $size } KB)
epub-download-unsized = Preuzmite priručnik kao e-knjigu (EPUB)
epub-cover-alt = Naslovnica knjige „{ $title }“
epub-title-page = Naslovna stranica
epub-contents = Sadržaj
epub-landmarks = Orijentiri
epub-start = Početak knjige
epub-appendix-title = Prilog: primjeri dobre prakse
epub-colophon = O ovoj knjizi
epub-partners = Školsko partnerstvo Turske (koordinatorica), Hrvatske, Litve i Mađarske protiv ranog napuštanja školovanja.
epub-built-on = Ovo je izdanje izrađeno { $date }
epub-fallback-list = Ovi dijelovi još nisu prevedeni pa su prikazani na engleskom:
epub-accessibility-summary = Ova e-knjiga ima sadržaj, naslove u pravilnom redoslijedu i tekstnu alternativu za svaku sliku te ne sadrži ništa što bi moglo izazvati napadaje. Ispunjava zahtjeve razine AA smjernica WCAG 2.1.

## Stanje prijevoda (stranica za koordinatora; status_page: true u site.yaml)
status-title = Stanje prijevoda
status-intro = Koliko je koji jezik napredovao: prevedene stranice, stranice čiji se engleski izvornik promijenio nakon prijevoda (zastarjelo), stranice koje još nisu prevedene (nedostaje) i broj engleskih riječi koje još treba prevesti.
status-languages = Svi jezici
status-language = Jezik
status-translated = Prevedeno
status-outdated = Zastarjelo
status-missing = Nedostaje
status-words-left = Preostale riječi
status-done = Gotovo
status-percent = { $percent } %
status-sections = Po cjelinama
status-section = Cjelina
status-pages = Stranice
status-to-do = Stranice koje treba prevesti ili ažurirati
status-page = Stranica
status-state = Stanje
status-words = Riječi
status-file = Datoteka
status-all-done = Sve su stranice prevedene i ažurne.
status-other-pages = Ostale stranice
