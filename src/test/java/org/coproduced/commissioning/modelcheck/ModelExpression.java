package org.coproduced.commissioning.modelcheck;

/**
 * One expression written in a model: which file, which element (its id, or the nearest enclosing
 * id), where on it ({@code taskListener@delegateExpression}, {@code conditionExpression},
 * {@code inputParameter[evaluatorUser]}) and the text as written.
 */
record ModelExpression(String model, String elementId, String place, String text) {

  boolean isDelegateExpression() {
    return place.endsWith("@delegateExpression");
  }

  @Override
  public String toString() {
    return model + " " + elementId + " " + place + " " + text;
  }
}
