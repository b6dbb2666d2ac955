from corpus.normalize import match_key, normalize


def test_public_services_artefact():
    assert normalize("the basic public **** services in cities") == "the basic public services in cities"
    assert normalize("urban basic public ****services.") == "urban basic public services."


def test_share_artefacts():
    assert normalize("for enterprises to ****use*** and enjoy, which") == "for enterprises to share, which"
    assert normalize("opening up of public ****data*** enjoyment") == "opening up of public data sharing"
    assert normalize("built 5 diagnosis **** enjoyment center") == "built 5 diagnosis sharing center"
    assert normalize("enterprises, *** build modern seed") == "enterprises, jointly build modern seed"
    assert normalize("county medical ****bodies and") == "county medical communities and"


def test_stray_asterisks_and_spacing():
    assert normalize("developed countries***, such as") == "developed countries , such as"
    assert match_key("Public ****  Services") == "public services"
