# found by HclParserFuzzTest: an exponent past BigDecimal's range threw NumberFormatException
a = 1e99999999999
b = [1e-99999999999, 2]
