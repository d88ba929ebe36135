from storyline.extract.outlet import outlet_from_site_name, outlet_from_url, registered_domain, same_outlet


def test_registered_domain_drops_subdomains_and_keeps_public_suffix():
    assert registered_domain("https://www.example.co.uk/news/1") == "example.co.uk"
    assert registered_domain("http://m.dailyexample.com/a") == "dailyexample.com"
    assert registered_domain("amp.example.org/story") == "example.org"


def test_outlet_from_url_keeps_the_domain_when_words_cannot_be_split_safely():
    assert outlet_from_url("https://www.dailyexample.com/2025/01/02/story") == "dailyexample.com"


def test_outlet_from_url_reads_hyphenated_names_and_short_acronyms():
    assert outlet_from_url("https://news.the-river-post.com/x") == "The River Post"
    assert outlet_from_url("https://edition.xyz.com/world") == "XYZ"


def test_outlet_from_url_without_a_usable_host():
    assert outlet_from_url(None) is None
    assert outlet_from_url("") is None
    assert outlet_from_url("http://localhost:8000/page") is None
    assert outlet_from_url("not a url at all") is None


def test_outlet_from_site_name_drops_taglines_and_rejects_urls():
    assert outlet_from_site_name("  The Example   Times ") == "The Example Times"
    assert outlet_from_site_name("Example Gazette | Local news since 1880") == "Example Gazette"
    assert outlet_from_site_name("https://example.com/") is None
    assert outlet_from_site_name("") is None


def test_same_outlet_matches_a_name_to_its_domain():
    assert same_outlet("The Example Times", "https://www.exampletimes.com/a")
    assert not same_outlet("Another Paper", "https://www.exampletimes.com/a")
