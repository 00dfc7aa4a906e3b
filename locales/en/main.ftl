# UI strings of the default theme, in English (the source language).
# Translators: copy this file to locales/LANG/main.ftl and translate the text after each "=".
# Keep the keys (left of "=") and the { $variables } as they are.

site-title = You are valuable
site-description = A guide book and good practices against early school leaving, from a school partnership of Turkey, Croatia, Lithuania and Hungary.
project-motto = Every single individual is valuable; no dropout, no tear drops!

## Navigation
skip-to-content = Skip to the content
nav-label = Main menu
nav-home = Home
nav-guide = Guide book
nav-practices = Good practices
nav-reports = Reports
language-switcher = Language
language-not-translated = not yet translated
toc-title = On this page
chapters-title = Chapters
chapter-number = Chapter { $number }
chapter-previous = Previous chapter
chapter-next = Next chapter
chapter-nav-label = Chapters of the guide
read-the-guide = Read the guide
reading-time = { $minutes ->
    [one] { $minutes } minute read
   *[other] { $minutes } minutes read
}

## Translation notices
fallback-notice = This page has not yet been translated into English. You are reading the English original.
outdated-notice = The English original of this page has changed since this translation was made, so parts of it may be out of date.
outdated-source-link = Read the English original

## Callouts and Markdown
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
footnotes = Notes
footnote-back = Back to the text
table-label = Table (scrolls sideways on small screens)

## Good practices
practices-intro = Practices that partner schools and related European projects use against early school leaving, grouped by the stage they work in.
practices-filter = Show practices from
practices-all-countries = All countries
practice-country = Country
practice-stage = Stage
practice-target-groups = For whom
practice-tags = Topics
stage-prevention = Prevention
stage-intervention = Intervention
stage-compensation = Compensation
stage-prevention-text = Before problems start: a school climate where every student belongs, and early warning.
stage-intervention-text = When warning signs appear: tutoring, mentoring and working with the family.
stage-compensation-text = After a student has left: second chances and a way back into education.
target-students-at-risk = Students at risk of dropping out
target-fewer-opportunities = Students with fewer opportunities
target-immigrants = Immigrant students
target-teachers = Teachers
target-school-staff = Education staff and school leaders
target-parents = Parents and families
target-community = The local community
country-TR = Turkey
country-HR = Croatia
country-LT = Lithuania
country-HU = Hungary
country-IT = Italy
country-SE = Sweden
country-DK = Denmark
country-RO = Romania
country-ES = Spain
country-NO = Norway

## Reports
reports-intro = Reports of the partnership's meetings, staff training and pupil exchanges, newest first.
reports-empty = There are no reports yet.
reports-latest = Latest reports
reports-all = All reports
reports-feed = Subscribe to the reports (Atom feed)
report-date = Date
report-place = Place
report-kind = Kind
report-kind-transnational-meeting = Transnational project meeting
report-kind-training = Joint staff training event
report-kind-pupil-exchange = Exchange of groups of pupils
report-kind-event = Event
report-planned = Planned
report-planned-notice = This is the planned programme. The host partner will replace it with the report of what happened.
date-range = { $start } – { $end }

## Footer
footer-eu-funded = Co-funded by the European Union
footer-eu-disclaimer = Funded by the European Union. Views and opinions expressed are however those of the author(s) only and do not necessarily reflect those of the European Union or the European Education and Culture Executive Agency (EACEA). Neither the European Union nor EACEA can be held responsible for them.
footer-license = Text and figures: { $license }
footer-made-with = Made with guidebook. No cookies, no tracking.
eu-flag-alt = Flag of the European Union

## Language chooser and missing pages
choose-language = Choose your language
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
not-found-home = Go to the home page

## Ebook
epub-download = Download the guide as an ebook (EPUB, { $size } KB)
epub-download-unsized = Download the guide as an ebook (EPUB)
epub-cover-alt = Cover of the book “{ $title }”
epub-title-page = Title page
epub-contents = Contents
epub-landmarks = Landmarks
epub-start = Start of the book
epub-appendix-title = Appendix: good practices
epub-colophon = About this book
epub-partners = A school partnership of Turkey (coordinator), Croatia, Lithuania and Hungary against early school leaving.
epub-built-on = This edition was made on { $date }.
epub-fallback-list = These parts are not yet translated and are shown in English:
epub-accessibility-summary = This ebook has a table of contents, headings in order, text alternatives for every figure and no content that could cause seizures. It meets WCAG 2.1 Level AA.

## Search (the box is made by static/search.js; there is none without JavaScript)
search-label = Search this site
search-placeholder = Search the guide
search-submit = Search
search-results-label = Search results
search-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-no-results = No results for “{ $query }”. Try another word or fewer words.
search-loading = Searching…
search-error = The search could not be loaded. Check your connection and try again.
search-close = Close the search results
search-more = Show more results
search-section-chapter = Chapter
search-section-practice = Good practice
search-section-report = Report
search-section-page = Page

## Translation status (the coordinator's page, with status_page: true in site.yaml)
status-title = Translation status
status-intro = How far each language has come: pages translated, pages whose English original has changed since they were translated (outdated), pages not yet translated (missing), and the English words left to translate.
status-languages = All languages
status-language = Language
status-translated = Translated
status-outdated = Outdated
status-missing = Missing
status-words-left = Words left
status-done = Done
status-percent = { $percent }%
status-sections = By section
status-section = Section
status-pages = Pages
status-to-do = Pages to translate or update
status-page = Page
status-state = State
status-words = Words
status-file = File
status-all-done = Every page is translated and up to date.
status-other-pages = Other pages
