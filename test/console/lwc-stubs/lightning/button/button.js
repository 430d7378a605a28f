import { LightningElement, api } from 'lwc';

const VARIANTS = { base: 'slds-button', neutral: 'slds-button slds-button_neutral', brand: 'slds-button slds-button_brand', destructive: 'slds-button slds-button_destructive', success: 'slds-button slds-button_success' };

/** Stand-in for lightning-button: SLDS button markup; a disabled button swallows clicks. */
export default class Button extends LightningElement {
    @api label;
    @api title;
    @api variant = 'neutral';
    @api disabled = false;
    @api type = 'button';
    @api name;
    @api value;

    get computedClass() {
        return VARIANTS[this.variant] || VARIANTS.neutral;
    }
}
