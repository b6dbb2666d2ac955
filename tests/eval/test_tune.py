from eval.tune import FALSE_ABSTAIN_WEIGHT, score


def test_score_rewards_abstention_f1_and_punishes_false_abstention():
    # (abstained, answerable): 2 correct abstentions, 1 missed, 1 false abstention out of 3 answerable
    decisions = [(True, False), (True, False), (False, False), (True, True), (False, True), (False, True)]
    objective, f1, false_rate = score(decisions)
    # tp=2, fp=1, fn=1 -> f1 = 4 / (4 + 1 + 1) = 0.667; false rate = 1/3
    assert round(f1, 3) == 0.667
    assert round(false_rate, 3) == 0.333
    assert round(objective, 3) == round(4 / 6 - FALSE_ABSTAIN_WEIGHT / 3, 3)
